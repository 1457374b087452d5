package cn.minzheng.funeral.onething;

import java.time.Clock;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.platform.events.IncomingEvent;
import cn.minzheng.platform.store.ConcurrentWrites;
import cn.minzheng.platform.text.Text;
import cn.minzheng.platform.text.Texts;

import org.springframework.stereotype.Service;

/**
 * The offices' step reports ({@code minzheng.<office>.one-thing.step-reported.v1}: caseId, status, detail) applied
 * to their cases. A report for a case this service does not know is logged and dropped (a case is opened here).
 */
@Service
public class CaseReports {

    /** The report types, one per office that reports. */
    public static final Set<String> TYPES = Set.of("minzheng.assistance.one-thing.step-reported.v1",
            "minzheng.eldercare.one-thing.step-reported.v1", "minzheng.registry.one-thing.step-reported.v1");

    private static final Logger log = LoggerFactory.getLogger(CaseReports.class);

    private final OneThingCases cases;
    private final Texts texts;
    private final Clock clock;

    CaseReports(OneThingCases cases, Texts texts, Clock clock) {
        this.texts = texts;
        this.cases = cases;
        this.clock = clock;
    }

    public void apply(IncomingEvent event) {
        Office office = Office.valueOf(event.type().split("\\.")[1].toUpperCase());
        String caseId = event.requiredText("caseId");
        Step.Status status = Step.Status.valueOf(event.requiredText("status"));
        // The office worded its report in Chinese ({@code detail}) and, since it could, in English ({@code detailEn}).
        Text detail = Step.reported(event.data().path("detail").asString(null),
                event.data().path("detailEn").asString(null));
        ConcurrentWrites.retry(() -> {
            var found = cases.find(caseId);
            if (found.isEmpty()) {
                log.warn("Step report {} for unknown case {}", event.id(), caseId);
            } else if (found.get().report(office, status, detail, texts::inChinese, clock)) {
                cases.save(found.get());
            }
        });
    }
}
