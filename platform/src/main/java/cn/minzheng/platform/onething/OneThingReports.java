package cn.minzheng.platform.onething;

import java.time.Clock;
import java.util.List;

import cn.minzheng.platform.text.Text;
import cn.minzheng.platform.text.Texts;


/**
 * An office's reports on after-death cases and retracted deaths, once each (by derived id): what the office's
 * listener calls after it decided what a death, or its retraction, means for it.
 */
public class OneThingReports {

    private final String office;
    private final OneThingSteps steps;
    private final RetractionReports retractions;
    private final Texts texts;
    private final Clock clock;

    OneThingReports(String office, OneThingSteps steps, RetractionReports retractions, Texts texts, Clock clock) {
        this.office = office;
        this.steps = steps;
        this.retractions = retractions;
        this.texts = texts;
        this.clock = clock;
    }

    /** Whether this office has reported its step in the case. */
    public boolean stepReported(String caseId) {
        return steps.find(OneThingStep.idFor(caseId)).isPresent();
    }

    /** The office's step, unless it was reported before (then nothing changes). */
    public void reportStep(String caseId, String personRef, OneThingStep.Status status, Text detail) {
        steps.insertIfAbsent(OneThingStep.report(office, caseId, personRef, status, detail, texts.wordings(detail),
                clock));
    }

    /** Whether this office has reported what it did about the retracted death. */
    public boolean retractionReported(String deathId) {
        return retractions.find(RetractionReport.idFor(deathId)).isPresent();
    }

    /** What the office reversed and what needs a person, unless reported before (then nothing changes). */
    public void reportRetraction(String deathId, String personRef, List<RetractionReport.Item> reversed,
            List<RetractionReport.Item> actionsNeeded) {
        retractions.insertIfAbsent(RetractionReport.of(office, deathId, personRef, reversed, actionsNeeded, clock));
    }
}
