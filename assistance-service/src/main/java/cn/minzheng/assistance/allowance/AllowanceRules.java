package cn.minzheng.assistance.allowance;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A county's allowance rules, every version it ever had (collection {@code allowance_rules}, id = the county's
 * code): a county-approver proposes a version, a second one approves it (四眼), and from its effective date it is
 * in force without a release. The version for a month is the approved one with the latest effective month; for the
 * same month the newer version supersedes, so history is never rewritten.
 */
@Document("allowance_rules")
public class AllowanceRules extends OutboxAggregate {

    @Id
    private final String id;
    private final List<RuleVersion> versions;

    @PersistenceCreator
    AllowanceRules(String id, List<RuleVersion> versions) {
        this.id = id;
        this.versions = new ArrayList<>(versions == null ? List.of() : versions);
    }

    public static AllowanceRules of(String county) {
        return new AllowanceRules(county, List.of());
    }

    /** A new version, PROPOSED: nothing is in force until a second approver approves it. */
    public RuleVersion propose(RuleVersion draft, String by, Clock clock) {
        RuleVersion version = new RuleVersion(versions.size() + 1, draft.effectiveFrom(), draft.note(),
                draft.programmes(), draft.exclusiveGroups(), draft.educationExtensionUntilAge(),
                draft.childDirectorStipend(), RuleVersion.Status.PROPOSED, by, clock.instant(), null, null,
                draft.ageCounting());
        version.validate();
        versions.add(version);
        return version;
    }

    /** 四眼: the approver is never the proposer; a version is decided once. */
    public RuleVersion decide(int number, boolean approve, String by, Clock clock) {
        RuleVersion version = version(number);
        if (version.proposedBy().equals(by)) {
            throw Refusal.forbidden("four-eyes").as("four-eyes.rules");
        }
        if (version.status() != RuleVersion.Status.PROPOSED) {
            throw Refusal.conflict("rule-version-decided", Refusal.term("rule-version." + version.status()));
        }
        RuleVersion decided = version.decided(approve ? RuleVersion.Status.APPROVED : RuleVersion.Status.REJECTED, by,
                clock.instant());
        versions.set(number - 1, decided);
        return decided;
    }

    /** The versions this approver may decide now, by {@link #decide}'s rules: proposed, and not by them. */
    public List<Integer> decidableBy(String approver) {
        return versions.stream().filter(v -> v.status() == RuleVersion.Status.PROPOSED
                && !v.proposedBy().equals(approver)).map(RuleVersion::number).toList();
    }

    public RuleVersion version(int number) {
        if (number < 1 || number > versions.size()) {
            throw Refusal.notFound("not-found", Refusal.term("allowance-rule-version"), id + "/" + number)
                    .as("not-found.id");
        }
        return versions.get(number - 1);
    }

    /** The approved version in force for a month, if any. */
    public Optional<RuleVersion> inForce(YearMonth month) {
        return versions.stream().filter(v -> v.status() == RuleVersion.Status.APPROVED)
                .filter(v -> !v.firstMonth().isAfter(month))
                .max(Comparator.comparing(RuleVersion::firstMonth).thenComparingInt(RuleVersion::number));
    }

    /** The version that was in force for a month among those approved before version {@code number}. */
    public Optional<RuleVersion> inForceBefore(int number, YearMonth month) {
        return versions.stream().filter(v -> v.number() < number && v.status() == RuleVersion.Status.APPROVED)
                .filter(v -> !v.firstMonth().isAfter(month))
                .max(Comparator.comparing(RuleVersion::firstMonth).thenComparingInt(RuleVersion::number));
    }

    @Override
    public String id() {
        return id;
    }

    public String county() {
        return id;
    }

    public List<RuleVersion> versions() {
        return List.copyOf(versions);
    }
}
