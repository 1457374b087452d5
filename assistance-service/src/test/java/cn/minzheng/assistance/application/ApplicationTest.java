package cn.minzheng.assistance.application;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.minzheng.assistance.application.messaging.HouseholdReviewed;
import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.text.Text;

/** The application's state machine on its own: submitted, reviewed, on notice, decided; what each step refuses. */
class ApplicationTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final LocalDate NOTICE_ENDS = LocalDate.of(2026, 12, 9);
    static final MeansTest PASSES = new MeansTest(Money.of("100.00"), Money.of("950.00"), true, true, List.of());
    static final MeansTest FAILS = new MeansTest(Money.of("3000.00"), Money.of("950.00"), false, true,
            List.of(Text.of("means-test.income-not-below", "3000.00", "950.00")));

    static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(BEIJING).toInstant(), BEIJING);
    }

    static Application submitted() {
        return Application.submit("app-1", "hh-1", DivisionCode.of("320404001007"), Programme.DIBAO, "失业", null,
                List.of("a".repeat(64)), PASSES, "officer-a", "TOWNSHIP_WINDOW", on(TODAY));
    }

    static Application onNotice() {
        Application application = submitted();
        application.review(Application.Decision.PASS, "入户调查属实", PASSES, "snap-1", Money.of("850.00"), "张大伟",
                "320404********3772", "officer-a", NOTICE_ENDS, on(TODAY));
        return application;
    }


    @Test
    void a_passed_review_opens_the_public_notice_and_announces_the_review() {
        Application application = onNotice();

        assertThat(application.status()).isEqualTo(Application.Status.PUBLIC_NOTICE);
        assertThat(application.registeredEvents()).extracting(e -> e.type()).containsExactly(HouseholdReviewed.TYPE);
        assertThat(application.registeredEvents().getFirst().data()).containsEntry("decision", "PASS")
                .containsEntry("reviewedBy", "officer-a").doesNotContainKey("idNumber");
    }

    @Test
    void a_review_cannot_pass_a_household_that_fails_the_means_test() {
        Application application = submitted();
        assertThat(refusalOf(() -> application.review(Application.Decision.PASS, "属实", FAILS, "snap-1",
                Money.ZERO, "张大伟", "320404********3772", "officer-a", NOTICE_ENDS, on(TODAY))))
                .isEqualTo("means-test-failed");
        assertThat(application.status()).isEqualTo(Application.Status.SUBMITTED);
    }

    @Test
    void a_rejection_needs_a_written_reason_at_review_and_at_decision() {
        assertThat(refusalOf(() -> submitted().review(Application.Decision.REJECT, " ", PASSES, "snap-1", Money.ZERO,
                "张大伟", "320404********3772", "officer-a", NOTICE_ENDS, on(TODAY)))).isEqualTo("invalid-request opinion");
        assertThat(refusalOf(() -> onNotice().decide(Application.Decision.REJECT, null, "approver-c",
                on(NOTICE_ENDS.plusDays(1))))).isEqualTo("invalid-request opinion");
    }

    @Test
    void approval_waits_for_the_day_after_the_notice_ends() {
        Application application = onNotice();
        assertThat(refusalOf(() -> application.decide(Application.Decision.APPROVE, "同意", "approver-c",
                on(NOTICE_ENDS)))).isEqualTo("notice-running");

        application.decide(Application.Decision.APPROVE, "同意", "approver-c", on(NOTICE_ENDS.plusDays(1)));
        assertThat(application.status()).isEqualTo(Application.Status.APPROVED);
    }

    @Test
    void the_reviewer_never_decides_their_own_review() {
        Application application = onNotice();
        assertThat(refusalOf(() -> application.decide(Application.Decision.APPROVE, "同意", "officer-a",
                on(NOTICE_ENDS.plusDays(1))))).isEqualTo("four-eyes");
        assertThat(application.status()).isEqualTo(Application.Status.PUBLIC_NOTICE);
    }

    @Test
    void an_open_objection_blocks_approval_until_it_is_resolved() {
        Application application = onNotice();
        String objection = application.object("收入情况不实", "villager", on(TODAY.plusDays(2))).id();
        Clock after = on(NOTICE_ENDS.plusDays(1));
        assertThat(refusalOf(() -> application.decide(Application.Decision.APPROVE, "同意", "approver-c", after)))
                .isEqualTo("open-objections");

        application.resolveObjection(objection, "UNFOUNDED", "已核实", "officer-a", after);
        assertThat(refusalOf(() -> application.resolveObjection(objection, "UNFOUNDED", "再次", "officer-a", after)))
                .isEqualTo("objection-resolved");
        application.decide(Application.Decision.APPROVE, "同意", "approver-c", after);
        assertThat(application.status()).isEqualTo(Application.Status.APPROVED);
    }

    @Test
    void objections_are_taken_only_while_the_notice_runs_and_steps_only_in_their_status() {
        assertThat(refusalOf(() -> onNotice().object("迟到的异议", "villager", on(NOTICE_ENDS.plusDays(1)))))
                .isEqualTo("notice-closed");
        assertThat(refusalOf(() -> onNotice().review(Application.Decision.PASS, "再审", PASSES, "snap-2",
                Money.ZERO, "张大伟", "320404********3772", "officer-a", NOTICE_ENDS, on(TODAY))))
                .isEqualTo("wrong-status");
        assertThat(refusalOf(() -> submitted().decide(Application.Decision.APPROVE, "同意", "approver-c",
                on(TODAY)))).isEqualTo("wrong-status");
    }

    /** The affordances a read answers are the acts the application would accept now, for this person. */
    @Test
    void the_actions_offered_are_the_acts_the_application_accepts_now() {
        assertThat(submitted().actions("officer-a", true, false, on(TODAY))).containsExactly(Application.Action.REVIEW);
        assertThat(submitted().actions("approver-c", false, true, on(TODAY))).isEmpty();

        Application application = onNotice();
        assertThat(application.actions("approver-c", false, true, on(NOTICE_ENDS)))
                .as("the notice still runs").containsExactly(Application.Action.REJECT);
        assertThat(application.actions("approver-c", false, true, on(NOTICE_ENDS.plusDays(1))))
                .containsExactlyInAnyOrder(Application.Action.APPROVE, Application.Action.REJECT);
        assertThat(application.actions("officer-a", true, true, on(NOTICE_ENDS.plusDays(1))))
                .as("the reviewer never decides (four eyes)").isEmpty();

        String objection = application.object("收入情况不实", "villager", on(TODAY.plusDays(2))).id();
        assertThat(application.actions("approver-c", false, true, on(NOTICE_ENDS.plusDays(1))))
                .as("an open objection blocks the approval")
                .containsExactlyInAnyOrder(Application.Action.RESOLVE_OBJECTION, Application.Action.REJECT);
        application.resolveObjection(objection, "DISMISSED", "已核实", "officer-a", on(NOTICE_ENDS.plusDays(1)));
        application.decide(Application.Decision.APPROVE, "同意", "approver-c", on(NOTICE_ENDS.plusDays(1)));
        assertThat(application.actions("approver-d", false, true, on(NOTICE_ENDS.plusDays(1)))).isEmpty();
    }

    @Test
    void temporary_assistance_needs_an_amount() {
        assertThat(refusalOf(() -> Application.submit("app-2", "hh-1", DivisionCode.of("320404001007"), Programme.TEMPORARY, "火灾",
                null, List.of(), PASSES, "officer-a", "TOWNSHIP_WINDOW", on(TODAY))))
                .isEqualTo("amount-required requestedAmount");
    }
}
