package cn.minzheng.orgs.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.bson.Document;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.time.LegalCalendar;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The register's figures for a period, each a count or a {@code $match}/{@code $group} the store answers, never a
 * division read into the service: active and newly registered organisations by type, the graded among the active,
 * list entries and endings, and the annual inspection (reports due in the period, received by their deadline, and
 * the verdicts). "Active on a day" reads the stored {@code dates.endedOn}; a report's deadline is the legal
 * calendar's, worked out here for each type and year whose deadline falls in the period (a handful of queries).
 */
@Component
public class RegisterFigures {

    private static final String COLLECTION = "organizations";

    private final MongoTemplate mongo;
    private final LegalCalendar calendar;

    RegisterFigures(MongoTemplate mongo, LegalCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    public record Figures(SortedMap<String, Long> activeAtEnd, SortedMap<String, Long> registeredInPeriod,
            long activeCount, long graded, SortedMap<String, Long> listEntries, SortedMap<String, Long> ended,
            long due, long onTime, SortedMap<String, Long> verdicts) {
    }

    public Figures of(DivisionCode division, LocalDate from, LocalDate to) {
        SortedMap<String, Long> active = countBy(List.of(Aggregation.match(activeOn(division, to))), "type");
        SortedMap<String, Long> registered = countBy(List.of(Aggregation.match(within(division)
                .and("registeredOn").gte(from).lte(to))), "type");
        long activeCount = active.values().stream().mapToLong(Long::longValue).sum();
        long graded = mongo.count(new Query(activeOn(division, to).and("evaluations").elemMatch(
                Criteria.where("gradedOn").lte(to).and("validUntil").gte(to))), Organization.class, COLLECTION);
        SortedMap<String, Long> changes = countBy(List.of(
                Aggregation.match(within(division).and("registeredOn").lte(to).and("history")
                        .elemMatch(Criteria.where("effectiveOn").gte(from).lte(to))),
                Aggregation.unwind("history"),
                Aggregation.match(Criteria.where("history.effectiveOn").gte(from).lte(to))), "history.to");
        SortedMap<String, Long> listEntries = new TreeMap<>();
        SortedMap<String, Long> ended = new TreeMap<>();
        changes.forEach((to2, n) -> {
            OrgStatus status = OrgStatus.valueOf(to2);
            if (status.listed()) {
                listEntries.put(to2, n);
            } else if (status.terminal()) {
                ended.put(to2, n);
            }
        });
        long due = 0;
        long onTime = 0;
        SortedMap<String, Long> verdicts = new TreeMap<>();
        for (OrgType type : OrgType.values()) {
            for (int year = from.getYear() - 1; year < to.getYear(); year++) {
                LocalDate deadline = ReportDeadlines.registry(year, type, calendar);
                if (deadline.isBefore(from) || deadline.isAfter(to)) {
                    continue;
                }
                // Registered in the year or before, and not ended by the deadline.
                Criteria owed = registeredBy(division, LocalDate.of(year, 12, 31), deadline).and("type").is(type);
                due += mongo.count(new Query(owed), Organization.class, COLLECTION);
                onTime += mongo.count(new Query(registeredBy(division, LocalDate.of(year, 12, 31), deadline)
                        .and("type").is(type).and("reports").elemMatch(
                                Criteria.where("year").is(year).and("registryReceivedOn").lte(deadline))),
                        Organization.class, COLLECTION);
                countBy(List.of(Aggregation.match(owed), Aggregation.unwind("reports"),
                        Aggregation.match(Criteria.where("reports.year").is(year).and("reports.verdict").ne(null))),
                        "reports.verdict").forEach((verdict, n) -> verdicts.merge(verdict, n, Long::sum));
            }
        }
        return new Figures(active, registered, activeCount, graded, listEntries, ended, due, onTime, verdicts);
    }

    /** Registered by the day and not ended by it (a registration ends the day it is revoked or deregistered). */
    private static Criteria activeOn(DivisionCode division, LocalDate day) {
        return registeredBy(division, day, day);
    }

    /** Registered on or before {@code registered} and not ended by {@code notEndedBy}. */
    private static Criteria registeredBy(DivisionCode division, LocalDate registered, LocalDate notEndedBy) {
        return within(division).and("registeredOn").lte(registered).orOperator(
                Criteria.where("dates.endedOn").exists(false), Criteria.where("dates.endedOn").gt(notEndedBy));
    }

    private static Criteria within(DivisionCode division) {
        return Criteria.where("division").regex("^" + division.scopePrefix());
    }

    /** How many documents the pipeline leaves per value of {@code field}. */
    private SortedMap<String, Long> countBy(List<AggregationOperation> pipeline, String field) {
        List<AggregationOperation> operations = new ArrayList<>(pipeline);
        operations.add(Aggregation.group(field).count().as("n"));
        SortedMap<String, Long> counts = new TreeMap<>();
        for (Document row : mongo.aggregate(Aggregation.newAggregation(operations), COLLECTION,
                Document.class).getMappedResults()) {
            counts.put(String.valueOf(row.get("_id")), ((Number) row.get("n")).longValue());
        }
        return counts;
    }
}
