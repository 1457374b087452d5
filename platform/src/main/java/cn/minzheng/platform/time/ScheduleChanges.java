package cn.minzheng.platform.time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps a service's cases in step with the holiday schedules. The service records, by year, the fingerprint of the
 * schedule its cases were last calculated on (collection {@code legal_calendar}, one document by {@code _id}). At
 * start and whenever the schedules file changes, the years whose fingerprint differs are handed to every
 * {@link LegalDatesRecalculation}, and only then is the new version recorded: a crash in between repeats the
 * (idempotent) recalculation. Every instance of every service reads the same file, so they all end on one version.
 */
public class ScheduleChanges implements DeclaresIndexes {

    private static final Logger log = LoggerFactory.getLogger(ScheduleChanges.class);
    private static final String COLLECTION = "legal_calendar";
    private static final String APPLIED = "applied";

    private final LegalCalendar calendar;
    private final LegalTimeProperties properties;
    private final MongoTemplate mongo;
    private final List<LegalDatesRecalculation> recalculations;

    public ScheduleChanges(LegalCalendar calendar, LegalTimeProperties properties, MongoTemplate mongo,
            List<LegalDatesRecalculation> recalculations) {
        this.calendar = calendar;
        this.properties = properties;
        this.mongo = mongo;
        this.recalculations = List.copyOf(recalculations);
    }

    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes(COLLECTION);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        reconcile();
    }

    /** Reads the schedules file again; when its days changed, uses them and recalculates. */
    @Scheduled(fixedDelayString = "${minzheng.legal-time.reload-interval:PT1M}",
            initialDelayString = "${minzheng.legal-time.reload-interval:PT1M}")
    public Set<Integer> reload() {
        Set<Integer> changed;
        try {
            changed = calendar.replaceSchedules(HolidaySchedules.read(properties.schedules()));
        } catch (RuntimeException unreadable) {
            log.error("Holiday schedules in {} not applied, the ones in use stay: {}",
                    properties.schedules().getDescription(), unreadable.getMessage());
            return Set.of();
        }
        if (!changed.isEmpty()) {
            log.info("Holiday schedules changed for {} in {}", changed, properties.schedules().getDescription());
        }
        return reconcile();
    }

    /** Recalculates for the years whose schedule differs from the version recorded, then records this version. */
    public synchronized Set<Integer> reconcile() {
        Map<String, String> applied = applied();
        Map<String, String> current = new HashMap<>();
        calendar.schedules().years().forEach((year, schedule) -> current.put(year.toString(), schedule.fingerprint()));
        Set<Integer> changed = new TreeSet<>();
        Set<String> years = new TreeSet<>(applied.keySet());
        years.addAll(current.keySet());
        years.stream().filter(year -> !java.util.Objects.equals(applied.get(year), current.get(year)))
                .forEach(year -> changed.add(Integer.parseInt(year)));
        if (changed.isEmpty()) {
            return changed;
        }
        int moved = recalculations.stream().mapToInt(recalculation -> recalculation.recalculate(changed)).sum();
        mongo.upsert(new Query(Criteria.where("_id").is(APPLIED)), Update.update("years", new Document(
                new HashMap<>(current))), COLLECTION);
        log.info("Legal dates recalculated for schedule years {}: {} case(s) changed", changed, moved);
        return changed;
    }

    private Map<String, String> applied() {
        Document document = mongo.findById(APPLIED, Document.class, COLLECTION);
        Map<String, String> years = new HashMap<>();
        if (document != null && document.get("years") instanceof Document stored) {
            stored.forEach((year, fingerprint) -> years.put(year, String.valueOf(fingerprint)));
        }
        return years;
    }
}
