package cn.minzheng.assistance.enrolment;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.minzheng.assistance.benefit.Benefit;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.enrolment.messaging.AssistanceApproved;
import cn.minzheng.assistance.enrolment.messaging.AssistanceChanged;
import cn.minzheng.assistance.enrolment.messaging.AssistanceTerminated;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.text.Text;

/** The enrolment's state machine: active, gradual exit, termination proposed and decided by another person. */
class EnrolmentTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Clock DEC_2026 = Clock.fixed(LocalDate.of(2026, 12, 2).atTime(10, 0).atZone(BEIJING).toInstant(),
            BEIJING);
    static final List<String> MEMBERS = List.of("a".repeat(64), "b".repeat(64));

    static Benefit benefit(String amount) {
        return new Benefit(Money.of(amount), List.of(), Money.of("950.00"), Money.of("100.00"));
    }

    static Enrolment active() {
        return Enrolment.approve("enr-1", "hh-1", "app-1", DivisionCode.of("320404001007"), Programme.DIBAO, benefit("1300.00"),
                "std-1", MEMBERS, LocalDate.of(2027, 12, 1), "approver-c", DEC_2026);
    }


    @Test
    void payments_start_the_month_after_approval_and_the_approval_is_announced() {
        Enrolment enrolment = active();

        assertThat(enrolment.startMonth()).isEqualTo(YearMonth.of(2027, 1));
        assertThat(enrolment.amountFor(YearMonth.of(2026, 12))).isEmpty();
        assertThat(enrolment.amountFor(YearMonth.of(2027, 1))).contains(Money.of("1300.00"));
        assertThat(enrolment.registeredEvents()).extracting(e -> e.type()).containsExactly(AssistanceApproved.TYPE);
    }

    @Test
    void the_same_amount_again_changes_nothing_and_announces_nothing() {
        Enrolment enrolment = active();
        int before = enrolment.registeredEvents().size();

        assertThat(enrolment.recalculate(YearMonth.of(2027, 2), benefit("1300.00"), "std-1", Text.verbatim("no change"), MEMBERS,
                DEC_2026)).isFalse();
        assertThat(enrolment.recalculate(YearMonth.of(2027, 2), benefit("650.00"), "std-1", Text.verbatim("a member died"),
                MEMBERS.subList(0, 1), DEC_2026)).isTrue();
        assertThat(enrolment.registeredEvents()).hasSize(before + 1).last()
                .satisfies(e -> assertThat(e.type()).isEqualTo(AssistanceChanged.TYPE));
        assertThat(enrolment.amountFor(YearMonth.of(2027, 1))).contains(Money.of("1300.00"));
        assertThat(enrolment.amountFor(YearMonth.of(2027, 2))).contains(Money.of("650.00"));
    }

    @Test
    void a_proposed_termination_is_decided_by_someone_else_and_ends_payments_after_the_month() {
        Enrolment enrolment = active();
        enrolment.proposeTermination("家庭收入超过标准", "officer-a", DEC_2026);
        assertThat(enrolment.status()).isEqualTo(Enrolment.Status.TERMINATION_PROPOSED);

        assertThat(refusalOf(() -> enrolment.confirmTermination("officer-a", DEC_2026))).isEqualTo("four-eyes");
        assertThat(refusalOf(() -> enrolment.rejectTermination("officer-a"))).isEqualTo("four-eyes");
        enrolment.confirmTermination("approver-c", DEC_2026);

        assertThat(enrolment.status()).isEqualTo(Enrolment.Status.TERMINATED);
        assertThat(enrolment.registeredEvents()).last()
                .satisfies(e -> assertThat(e.type()).isEqualTo(AssistanceTerminated.TYPE));
        assertThat(refusalOf(() -> enrolment.proposeTermination("again", "officer-a", DEC_2026)))
                .isEqualTo("not-active");
    }

    @Test
    void a_rejected_proposal_returns_the_enrolment_to_active_and_only_a_proposal_can_be_decided() {
        Enrolment enrolment = active();
        assertThat(refusalOf(() -> enrolment.confirmTermination("approver-c", DEC_2026)))
                .isEqualTo("no-termination-proposed");
        enrolment.proposeTermination("复核", "officer-a", DEC_2026);
        enrolment.rejectTermination("approver-c");
        assertThat(enrolment.status()).isEqualTo(Enrolment.Status.ACTIVE);
    }

    @Test
    void a_gradual_exit_pays_its_months_then_stops() {
        Enrolment enrolment = active();
        assertThat(enrolment.startGradualExit(YearMonth.of(2027, 1), 6, DEC_2026)).isTrue();

        assertThat(enrolment.status()).isEqualTo(Enrolment.Status.GRADUAL_EXIT);
        assertThat(enrolment.amountFor(YearMonth.of(2027, 6))).isPresent();
        assertThat(enrolment.startGradualExit(YearMonth.of(2027, 2), 6, DEC_2026)).as("once only").isFalse();
    }

    /** The affordances a read answers: the proposer never sees the decision (four eyes), a closed case offers nothing. */
    @Test
    void the_actions_offered_are_the_acts_the_enrolment_accepts_from_this_person_now() {
        Enrolment enrolment = active();
        assertThat(enrolment.actions("officer-a", true, false)).containsExactlyInAnyOrder(
                Enrolment.Action.PROPOSE_TERMINATION, Enrolment.Action.RECORD_REVIEW);
        assertThat(enrolment.actions("approver-c", false, true)).isEmpty();

        enrolment.proposeTermination("家庭收入超过标准", "officer-a", DEC_2026);
        assertThat(enrolment.actions("officer-a", true, true)).as("the proposer decides nothing").isEmpty();
        assertThat(enrolment.actions("approver-c", false, true)).containsExactly(Enrolment.Action.DECIDE_TERMINATION);

        enrolment.confirmTermination("approver-c", DEC_2026);
        assertThat(enrolment.actions("approver-d", true, true)).isEmpty();
    }
}
