package cn.minzheng.funeral.worklist;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.minzheng.funeral.onething.OneThingCases;
import cn.minzheng.platform.identity.DivisionCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A funeral officer's worklist in their division, counted as its list counts: open after-death cases with an office
 * silent past the step timeout (the same setting the overdue list reads).
 */
@Service
public class Worklists {

    public enum Worklist {
        OVERDUE_CASES
    }

    private final OneThingCases cases;
    private final Duration stepTimeout;
    private final Clock clock;

    Worklists(OneThingCases cases, @Value("${minzheng.funeral.one-thing.step-timeout:PT10M}") Duration stepTimeout,
            Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.cases = cases;
        this.stepTimeout = stepTimeout;
        this.clock = clock;
        // Counted when scraped, so it is true when read; the OneThingStepOverdue alert fires on it.
        io.micrometer.core.instrument.Gauge.builder("minzheng.onething.overdue.cases",
                () -> cases.countOverdue(clock.instant().minus(stepTimeout)))
                .description("Open after-death cases with an office silent past the step timeout").register(meters);
    }

    public Map<Worklist, Long> of(DivisionCode scope) {
        Map<Worklist, Long> counts = new LinkedHashMap<>();
        counts.put(Worklist.OVERDUE_CASES, cases.countOverdue(scope, clock.instant().minus(stepTimeout)));
        return counts;
    }
}
