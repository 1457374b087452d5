package cn.minzheng.funeral.onething;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.text.Text;

/**
 * Issue 30.12: an after-death case holds its own rules: funeral's step is done when it opens, it is complete when
 * every office has answered (a refusal is an answer), a report that says nothing new changes nothing, a silent office
 * is overdue only past the time it has, and a retracted death's case stays retracted whatever arrives later.
 */
class OneThingCaseTest {

    static final Instant OPENED = Instant.parse("2026-12-02T02:00:00Z");
    final Clock opening = Clock.fixed(OPENED, ZoneId.of("Asia/Shanghai"));
    final Clock later = Clock.offset(opening, Duration.ofMinutes(11));

    private OneThingCase opened() {
        return OneThingCase.open("p-1", "death-p-1", LocalDate.of(2026, 11, 30), DivisionCode.of("320404001001"),
                "p-2", "王小明", "CHILD", "platform", null, null, opening);
    }

    private static String words(Text text) {
        return text.key();
    }

    @Test
    void funeral_answers_at_once_and_the_case_completes_when_every_office_has_answered() {
        OneThingCase found = opened();
        assertThat(found.steps()).filteredOn(s -> s.office() == Office.FUNERAL).singleElement()
                .satisfies(step -> assertThat(step.status()).isEqualTo(Step.Status.DONE));
        assertThat(found.status()).isEqualTo(OneThingCase.Status.OPEN);

        found.report(Office.ASSISTANCE, Step.Status.DONE, Text.verbatim("已停发"), OneThingCaseTest::words, later);
        found.report(Office.ELDERCARE, Step.Status.NOT_APPLICABLE, Text.verbatim("无记录"), OneThingCaseTest::words,
                later);
        assertThat(found.status()).isEqualTo(OneThingCase.Status.OPEN);
        found.report(Office.REGISTRY, Step.Status.REFUSED, Text.verbatim("本人在该日后登记结婚"),
                OneThingCaseTest::words, later);

        assertThat(found.status()).isEqualTo(OneThingCase.Status.COMPLETE);
    }

    @Test
    void a_report_that_says_nothing_new_changes_nothing() {
        OneThingCase found = opened();
        assertThat(found.report(Office.ASSISTANCE, Step.Status.DONE, Text.verbatim("已停发"), OneThingCaseTest::words,
                later)).isTrue();
        int events = found.registeredEvents().size();

        assertThat(found.report(Office.ASSISTANCE, Step.Status.DONE, Text.verbatim("已停发"), OneThingCaseTest::words,
                later)).isFalse();
        assertThat(found.registeredEvents()).hasSize(events);
    }

    @Test
    void a_silent_office_is_overdue_only_past_its_time() {
        OneThingCase found = opened();
        found.report(Office.ASSISTANCE, Step.Status.DONE, Text.verbatim("已停发"), OneThingCaseTest::words, opening);

        assertThat(found.overdue(Duration.ofMinutes(10), Clock.offset(opening, Duration.ofMinutes(9)))).isEmpty();
        assertThat(found.overdue(Duration.ofMinutes(10), later)).containsExactlyInAnyOrder(Office.ELDERCARE,
                Office.REGISTRY);
    }

    @Test
    void a_retracted_case_stays_retracted() {
        OneThingCase found = opened();
        assertThat(found.retracted(OneThingCaseTest::words, later)).isTrue();
        assertThat(found.retracted(OneThingCaseTest::words, later)).isFalse();

        found.report(Office.ASSISTANCE, Step.Status.DONE, Text.verbatim("已停发"), OneThingCaseTest::words, later);
        found.report(Office.ELDERCARE, Step.Status.DONE, Text.verbatim("已离院"), OneThingCaseTest::words, later);
        found.report(Office.REGISTRY, Step.Status.DONE, Text.verbatim("婚姻终止"), OneThingCaseTest::words, later);

        assertThat(found.status()).isEqualTo(OneThingCase.Status.RETRACTED);
    }
}
