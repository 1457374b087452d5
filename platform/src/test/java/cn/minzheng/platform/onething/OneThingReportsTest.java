package cn.minzheng.platform.onething;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.onething.messaging.RetractionHandled;
import cn.minzheng.platform.onething.messaging.StepReported;
import cn.minzheng.platform.text.Text;
import cn.minzheng.platform.text.Texts;

/** Issue 30.10: one copy of the reports every office makes, each in its office's name. */
class OneThingReportsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_step_is_reported_once_per_case_in_the_offices_name_worded_in_both_languages() {
        OneThingStep step = OneThingStep.report("ELDERCARE", "case-1", "p-1", OneThingStep.Status.DONE,
                Text.of("onething.step.discharged"), new Texts.Wordings("已办理离院", "Discharged"), clock);

        assertThat(step.id()).isEqualTo(OneThingStep.idFor("case-1")).isEqualTo("step-case-1");
        assertThat(step.registeredEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("minzheng.eldercare.one-thing.step-reported.v1")
                    .isEqualTo(StepReported.typeFor("eldercare"));
            assertThat(event.data()).containsEntry("office", "ELDERCARE").containsEntry("status", "DONE")
                    .containsEntry("detail", "已办理离院").containsEntry("detailEn", "Discharged");
        });
    }

    @Test
    void a_retraction_report_names_what_was_reversed_and_what_needs_a_person() {
        RetractionReport report = RetractionReport.of("REGISTRY", "death-1", "p-1",
                List.of(new RetractionReport.Item("MARRIAGE_RESTORED", "m-1")),
                List.of(new RetractionReport.Item("APPOINTMENT_REBOOK", "a-1")), clock);

        assertThat(report.id()).isEqualTo("retraction-death-1");
        assertThat(report.registeredEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(RetractionHandled.typeFor("registry"))
                    .isEqualTo("minzheng.registry.death.retraction-handled.v1");
            assertThat(event.subject()).as("keyed by the person").isEqualTo("p-1");
            assertThat(event.data().get("actionsNeeded").toString()).contains("APPOINTMENT_REBOOK", "a-1");
        });
    }
}
