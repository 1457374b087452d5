package cn.minzheng.orgs.tip;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.DivisionCode;

/** A tip's outcome is recorded once; an officer is offered the outcome while it is open, and nobody else anything. */
class TipTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void an_outcome_is_recorded_once_and_offered_only_while_the_tip_is_open() {
        Tip tip = Tip.file(" 某某国学会 ", "在小区收取会费", null, DivisionCode.of("320404"), clock);
        assertThat(tip.suspectedName()).isEqualTo("某某国学会");
        assertThat(tip.actions(true)).containsExactly(Tip.Action.RECORD_OUTCOME);
        assertThat(tip.actions(false)).isEmpty();

        tip.close(Tip.Outcome.DISSUADED, " 已劝散 ", "officer-1", clock);
        assertThat(tip.outcomeNote()).isEqualTo("已劝散");
        assertThat(tip.actions(true)).as("no informant left a contact, and it is closed").isEmpty();
        assertThat(refusalOf(() -> tip.close(Tip.Outcome.BANNED, null, "officer-2", clock))).isEqualTo("tip-closed");
        assertThat(tip.outcome()).isEqualTo(Tip.Outcome.DISSUADED);
    }
}
