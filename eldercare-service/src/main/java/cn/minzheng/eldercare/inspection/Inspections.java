package cn.minzheng.eldercare.inspection;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.time.LegalDatesRecalculation;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Inspections (collection {@code inspections}), and their deadlines kept on the legal calendar when a holiday
 * schedule is loaded or corrected.
 */
@Component
public class Inspections extends AggregateCollection<Inspection> implements LegalDatesRecalculation {

    private final LegalCalendar calendar;
    private final Clock clock;

    Inspections(MongoTemplate mongo, OutboxWrites writes, LegalCalendar calendar, Clock clock) {
        super(mongo, writes, Inspection.class, "inspections", "inspection");
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "open"), index("open"));
    }

    public Inspection record(Facility facility, LocalDate inspectedOn, List<Inspection.NewFinding> findings,
            String by) {
        Inspection inspection = Inspection.record(facility, inspectedOn, findings, by, calendar, clock);
        insert(inspection);
        return inspection;
    }

    public Inspection rectify(Inspection inspection, String findingId, LocalDate on, String evidence, String by) {
        inspection.rectify(findingId, on, evidence, by, clock);
        save(inspection);
        return inspection;
    }

    /** The division's open inspections with a finding past its deadline today (the officers' worklist). */
    public List<Inspection> overdue(DivisionCode division) {
        LocalDate today = LocalDate.now(clock);
        return mongo.find(new Query(within(division).and("open").is(true)).with(Sort.by("_id")), Inspection.class,
                collection).stream().filter(i -> i.overdueOn(today)).toList();
    }

    @Override
    public int recalculate(Set<Integer> changedYears) {
        AtomicInteger moved = new AtomicInteger();
        try (Stream<Inspection> open = mongo.stream(new Query(Criteria.where("open").is(true)), Inspection.class,
                collection)) {
            open.forEach(inspection -> {
                if (inspection.recalculate(calendar)) {
                    save(inspection);
                    moved.incrementAndGet();
                }
            });
        }
        return moved.get();
    }
}
