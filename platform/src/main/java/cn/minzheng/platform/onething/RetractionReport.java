package cn.minzheng.platform.onething;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.onething.messaging.RetractionHandled;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an office did about a retracted death (collection {@code retraction_reports}, id {@code retraction-<deathId>}):
 * what it reversed by itself and what needs a person to act, stored with its {@code death.retraction-handled} event
 * in one write; a redelivered retraction finds it and changes nothing.
 */
@Document("retraction_reports")
public class RetractionReport extends OutboxAggregate {

    /** A code (e.g. MARRIAGE_RESTORED, READMISSION_NEEDED) and the record it concerns. */
    public record Item(String code, String ref) {
    }

    @Id
    private final String id;
    private final String deathId;
    private final String personRef;
    private final List<Item> reversed;
    private final List<Item> actionsNeeded;
    private final Instant reportedAt;

    @PersistenceCreator
    RetractionReport(String id, String deathId, String personRef, List<Item> reversed, List<Item> actionsNeeded,
            Instant reportedAt) {
        this.id = id;
        this.deathId = deathId;
        this.personRef = personRef;
        this.reversed = List.copyOf(reversed);
        this.actionsNeeded = List.copyOf(actionsNeeded);
        this.reportedAt = reportedAt;
    }

    public static String idFor(String deathId) {
        return "retraction-" + deathId;
    }

    static RetractionReport of(String office, String deathId, String personRef, List<Item> reversed,
            List<Item> actionsNeeded, Clock clock) {
        RetractionReport report = new RetractionReport(idFor(deathId), deathId, personRef, reversed, actionsNeeded,
                clock.instant());
        report.register(new RetractionHandled(deathId, personRef, office, view(reversed), view(actionsNeeded)),
                personRef, clock);
        return report;
    }

    private static List<RetractionHandled.Item> view(List<Item> items) {
        return items.stream().map(i -> new RetractionHandled.Item(i.code(), i.ref())).toList();
    }

    @Override
    public String id() {
        return id;
    }

    public String deathId() {
        return deathId;
    }

    public List<Item> reversed() {
        return reversed;
    }

    public List<Item> actionsNeeded() {
        return actionsNeeded;
    }
}
