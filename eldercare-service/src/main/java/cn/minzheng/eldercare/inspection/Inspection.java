package cn.minzheng.eldercare.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A safety inspection of a facility (安全检查/隐患排查): its findings, each with a legal deadline, and their
 * rectification. Open while any finding is not rectified; a finding past its deadline is overdue when read.
 */
@Document("inspections")
public class Inspection extends OutboxAggregate {

    /** A finding to enter: what, how serious, and the day the inspector set. */
    public record NewFinding(String item, Finding.Severity severity, LocalDate deadline) {
    }

    @Id
    private final String id;
    private final String facilityId;
    private final DivisionCode division;
    private final LocalDate inspectedOn;
    private final String inspectedBy;
    private final List<Finding> findings;
    private boolean open;
    /**
     * The earliest deadline of a finding not rectified (none when all are): the inspection is overdue on any day
     * after it. Derived from the findings and stored, so that the overdue worklist is a range on an index.
     */
    private LocalDate overdueAfter;

    @PersistenceCreator
    Inspection(String id, String facilityId, DivisionCode division, LocalDate inspectedOn, String inspectedBy,
            List<Finding> findings, boolean open) {
        this.id = id;
        this.facilityId = facilityId;
        this.division = division;
        this.inspectedOn = inspectedOn;
        this.inspectedBy = inspectedBy;
        this.findings = new ArrayList<>(findings);
        this.open = open;
        this.overdueAfter = earliestOpenDeadline();
    }

    private LocalDate earliestOpenDeadline() {
        return findings.stream().filter(Finding::open).map(Finding::deadline).min(LocalDate::compareTo)
                .orElse(null);
    }

    static Inspection record(Facility facility, LocalDate inspectedOn, List<NewFinding> found, String by,
            LegalCalendar calendar, Clock clock) {
        if (inspectedOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-not-past", inspectedOn).on("date");
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            NewFinding f = found.get(i);
            if (!f.deadline().isAfter(inspectedOn)) {
                throw Refusal.invalid("deadline-not-after-inspection", f.deadline(), inspectedOn)
                        .on("findings[" + i + "].deadline");
            }
            findings.add(new Finding("f" + (i + 1), f.item(), f.severity(), f.deadline(),
                    calendar.nextWorkingDayFrom(f.deadline()), null));
        }
        return new Inspection("insp-" + UUID.randomUUID(), facility.id(), facility.division(), inspectedOn, by,
                findings, findings.stream().anyMatch(Finding::open));
    }

    /** Rectifies one finding, once, on a day between the inspection and today. */
    void rectify(String findingId, LocalDate on, String evidence, String by, Clock clock) {
        int index = indexOf(findingId);
        Finding finding = findings.get(index);
        if (!finding.open()) {
            throw Refusal.conflict("already-rectified", findingId, finding.rectification().rectifiedOn());
        }
        if (on.isBefore(inspectedOn) || on.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-outside-inspection", on, inspectedOn).on("rectifiedOn");
        }
        findings.set(index, finding.rectified(new Finding.Rectification(on, evidence, by, clock.instant())));
        open = findings.stream().anyMatch(Finding::open);
        overdueAfter = earliestOpenDeadline();
    }

    /** A schedule changed: an open finding's deadline moves later where its day became a holiday, never earlier. */
    boolean recalculate(LegalCalendar calendar) {
        boolean moved = false;
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            LocalDate legal = calendar.nextWorkingDayFrom(finding.requestedDeadline());
            if (finding.open() && legal.isAfter(finding.deadline())) {
                findings.set(i, finding.withDeadline(legal));
                moved = true;
            }
        }
        overdueAfter = earliestOpenDeadline();
        return moved;
    }

    private int indexOf(String findingId) {
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).id().equals(findingId)) {
                return i;
            }
        }
        throw Refusal.notFound("not-found", Refusal.term("finding"), findingId).as("not-found.id");
    }

    public boolean overdueOn(LocalDate day) {
        return overdueAfter != null && day.isAfter(overdueAfter);
    }

    @Override
    public String id() {
        return id;
    }

    public String facilityId() {
        return facilityId;
    }

    public DivisionCode division() {
        return division;
    }

    public LocalDate inspectedOn() {
        return inspectedOn;
    }

    public String inspectedBy() {
        return inspectedBy;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public boolean open() {
        return open;
    }
}
