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
        return List.of(index("division", "open"), index("open"), index("division", "overdueAfter"),
                index("overdueAfter"));
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

    /**
     * A page of the division's inspections with a finding past its deadline today (the officers' worklist), the
     * longest overdue first: a range on {@code overdueAfter}, which each inspection keeps as its earliest open
     * deadline. True when read: today decides, not the day it was written.
     */
    public List<Inspection> overdue(DivisionCode division, long offset, int limit) {
        return mongo.find(overdueQuery(division).with(Sort.by("overdueAfter", "_id")).skip(offset).limit(limit),
                Inspection.class, collection);
    }

    public long countOverdue(DivisionCode division) {
        return mongo.count(overdueQuery(division), Inspection.class, collection);
    }

    private Query overdueQuery(DivisionCode division) {
        return new Query(within(division).and("overdueAfter").lt(LocalDate.now(clock)));
    }

    /**
     * Open inspections written before {@code overdueAfter} was stored get it at start (the aggregate derives it
     * from its findings when read; saving stores it). Once done, the query finds none.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void storeOverdueAfter() {
        try (Stream<Inspection> missing = mongo.stream(new Query(Criteria.where("open").is(true)
                .and("overdueAfter").exists(false)).cursorBatchSize(1_000), Inspection.class, collection)) {
            missing.forEach(this::save);
        }
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
