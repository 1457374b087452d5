package cn.minzheng.funeral.retraction;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.death.Retraction;
import cn.minzheng.funeral.onething.OneThingCase;
import cn.minzheng.funeral.onething.OneThingCases;
import cn.minzheng.platform.events.IncomingEvent;
import cn.minzheng.platform.store.ConcurrentWrites;
import cn.minzheng.platform.text.Texts;

import org.springframework.stereotype.Service;

/**
 * Proposal and confirmation (each a conditional write of the death: two officers confirming at once cannot both
 * publish), the case marked RETRACTED after the death's write (repeatable: the case's own write is a no-op the
 * second time), and the offices' reports ({@code minzheng.<office>.death.retraction-handled.v1}) applied once.
 */
@Service
public class RetractionService {

    /** The report types, one per office that reacts to death.retracted. */
    public static final java.util.Set<String> REPORT_TYPES = java.util.Set.of(
            "minzheng.assistance.death.retraction-handled.v1", "minzheng.eldercare.death.retraction-handled.v1",
            "minzheng.registry.death.retraction-handled.v1");

    private static final Logger log = LoggerFactory.getLogger(RetractionService.class);

    private final Deaths deaths;
    private final OneThingCases cases;
    private final Texts texts;
    private final Clock clock;

    RetractionService(Deaths deaths, OneThingCases cases, Texts texts, Clock clock) {
        this.texts = texts;
        this.deaths = deaths;
        this.cases = cases;
        this.clock = clock;
    }

    public Death propose(Death death, String reason, String by) {
        death.proposeRetraction(reason, by, clock);
        deaths.save(death);
        return death;
    }

    public Death confirm(Death death, String by) {
        var opened = cases.find(OneThingCase.idFor(death.personRef()));
        if (!death.isRetracted()) {
            death.confirmRetraction(by, opened.map(OneThingCase::id).orElse(null), clock);
            deaths.save(death);
        }
        // After the death's write, and again on a repeated confirmation (a crash between the two writes).
        opened.filter(c -> c.retracted(texts::inChinese, clock)).ifPresent(cases::save);
        return death;
    }

    public void reported(IncomingEvent event) {
        String office = event.type().split("\\.")[1].toUpperCase();
        String deathId = event.requiredText("deathId");
        Retraction.OfficeReversal report = new Retraction.OfficeReversal(office, items(event.data().path("reversed")),
                items(event.data().path("actionsNeeded")), clock.instant());
        ConcurrentWrites.retry(() -> {
            var found = deaths.find(deathId);
            if (found.isEmpty()) {
                log.warn("Retraction report {} for unknown death {}", event.id(), deathId);
            } else if (found.get().reversalReported(report)) {
                deaths.save(found.get());
            }
        });
    }

    private static List<Retraction.Item> items(JsonNode array) {
        return array.valueStream().map(item -> new Retraction.Item(item.path("code").asString(),
                item.path("ref").asString(null))).toList();
    }
}
