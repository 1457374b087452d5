package cn.minzheng.orgs.organization;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;

/**
 * Issue 30.12: an organisation's own rules: a civil-affairs credit code of its type, a sponsor unit unless registered
 * directly, no registration in the future; a report only for an ended year of its registration; revocation proposed
 * by one officer and confirmed by another, after which it is final; a credit record entered once, on a day between the
 * decision and today; recognised as a charity once.
 */
class OrganizationTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    final Clock clock = Clock.fixed(LocalDate.of(2026, 12, 7).atStartOfDay(CHINA).toInstant(), CHINA);

    private static CreditCode code(String first17) {
        return CreditCode.of(first17 + CreditCode.checkCharacter(first17));
    }

    private Organization.Registration registration(CreditCode code, OrgType type, String sponsor, boolean direct,
            LocalDate on) {
        return new Organization.Registration("钟楼区测试协会", type, code, sponsor, direct, null, "行业交流", null, null,
                DivisionCode.of("320404"), on);
    }

    private Organization association() {
        return Organization.register(registration(code("51320404MJ1234567"), OrgType.ASSOCIATION, null, true,
                LocalDate.of(2023, 3, 1)), "officer", clock);
    }

    @Test
    void a_registration_needs_a_civil_affairs_code_of_its_type_a_sponsor_and_a_day_not_in_the_future() {
        assertThat(refusalOf(() -> Organization.register(registration(code("91320404MA1234567"), OrgType.ASSOCIATION,
                null, true, LocalDate.of(2026, 1, 5)), "officer", clock)))
                .isEqualTo("credit-code-not-civil-affairs creditCode");
        assertThat(refusalOf(() -> Organization.register(registration(code("52320404MJ1234567"), OrgType.ASSOCIATION,
                null, true, LocalDate.of(2026, 1, 5)), "officer", clock)))
                .isEqualTo("credit-code-category-mismatch creditCode");
        assertThat(refusalOf(() -> Organization.register(registration(code("51320404MJ1234567"), OrgType.ASSOCIATION,
                " ", false, LocalDate.of(2026, 1, 5)), "officer", clock))).isEqualTo("sponsor-unit-required sponsorUnit");
        assertThat(refusalOf(() -> Organization.register(registration(code("51320404MJ1234567"), OrgType.ASSOCIATION,
                null, true, LocalDate.of(2026, 12, 8)), "officer", clock))).isEqualTo("registered-in-future registeredOn");

        Organization org = association();

        assertThat(org.status()).isEqualTo(OrgStatus.REGISTERED);
        assertThat(org.registeredEvents()).singleElement()
                .satisfies(e -> assertThat(e.type()).endsWith("org.registered.v1"));
    }

    @Test
    void a_report_is_for_an_ended_year_of_the_registration() {
        Organization org = association();

        assertThat(refusalOf(() -> org.reportReceived(2022, null, LocalDate.of(2023, 5, 1), null, "officer", clock)))
                .isEqualTo("report-year-out-of-range year");
        assertThat(refusalOf(() -> org.reportReceived(2026, null, null, null, "officer", clock)))
                .isEqualTo("report-year-not-ended year");
        org.reportReceived(2025, null, LocalDate.of(2026, 5, 20), null, "officer", clock);

        assertThat(org.report(2025)).hasValueSatisfying(r ->
                assertThat(r.registryReceivedOn()).isEqualTo(LocalDate.of(2026, 5, 20)));
    }

    @Test
    void revocation_is_proposed_by_one_officer_confirmed_by_another_and_final() {
        Organization org = association();
        assertThat(refusalOf(() -> org.confirmRevocation("officer-b", clock))).isEqualTo("no-revocation-proposal");
        org.proposeRevocation("连续两年未参加年检", "《社会团体登记管理条例》第三十条", LocalDate.of(2026, 12, 7),
                "officer-a", clock);
        assertThat(refusalOf(() -> org.proposeRevocation("again", "basis", LocalDate.of(2026, 12, 7), "officer-b",
                clock))).isEqualTo("revocation-already-proposed");
        assertThat(refusalOf(() -> org.confirmRevocation("officer-a", clock))).isEqualTo("four-eyes");
        assertThat(org.actions("officer-a", true)).doesNotContain(Organization.Action.PROPOSE_REVOCATION,
                Organization.Action.CONFIRM_REVOCATION);
        assertThat(org.actions("officer-b", true)).contains(Organization.Action.CONFIRM_REVOCATION);
        assertThat(org.actions("inspector-1", false)).isEmpty();

        org.confirmRevocation("officer-b", clock);
        assertThat(org.actions("officer-b", true)).as("ended: nothing but its credit records")
                .isSubsetOf(Organization.Action.RECORD_CREDIT);

        assertThat(org.status()).isEqualTo(OrgStatus.REVOKED);
        assertThat(org.history().getLast().proposedBy()).isEqualTo("officer-a");
        assertThat(org.history().getLast().reason()).isEqualTo("连续两年未参加年检");
        assertThat(refusalOf(() -> org.proposeRevocation("x", "y", LocalDate.of(2026, 12, 7), "officer-c", clock)))
                .isEqualTo("org-status-final");
    }

    @Test
    void a_credit_record_is_entered_once_between_the_decision_and_today() {
        Organization org = association();
        assertThat(org.actions("officer", true)).containsExactly(Organization.Action.CHANGE_STATUS,
                Organization.Action.REPORT_ANNUAL, Organization.Action.GRADE, Organization.Action.AMEND,
                Organization.Action.REPORT_MAJOR_MATTER, Organization.Action.RECOGNIZE_CHARITY,
                Organization.Action.PROPOSE_REVOCATION, Organization.Action.APPLY_DEREGISTRATION);
        org.changeStatus(OrgStatus.ABNORMAL, "未按规定报告重大事项", "《社会组织信用信息管理办法》第九条",
                LocalDate.of(2026, 12, 7), "officer", clock);
        assertThat(org.actions("officer", true)).contains(Organization.Action.RECORD_CREDIT);

        assertThat(refusalOf(() -> org.recordCredit(1, LocalDate.of(2026, 12, 7), "officer", clock)))
                .isEqualTo("not-a-credit-change change");
        assertThat(refusalOf(() -> org.recordCredit(0, LocalDate.of(2026, 12, 8), "officer", clock)))
                .isEqualTo("credit-recorded-out-of-range recordedOn");
        org.recordCredit(0, LocalDate.of(2026, 12, 7), "officer", clock);
        assertThat(refusalOf(() -> org.recordCredit(0, LocalDate.of(2026, 12, 7), "officer", clock)))
                .isEqualTo("credit-already-recorded change");
    }

    @Test
    void a_charity_is_recognised_once() {
        Organization org = association();
        org.recognizeAsCharity(LocalDate.of(2024, 6, 1), "officer", clock);

        assertThat(org.isCharity()).isTrue();
        assertThat(org.actions("officer", true)).doesNotContain(Organization.Action.RECOGNIZE_CHARITY);
        assertThat(refusalOf(() -> org.recognizeAsCharity(LocalDate.of(2025, 6, 1), "officer", clock)))
                .isEqualTo("charity-already-recognized");
    }

    @Test
    void deregistration_goes_application_liquidation_approval_each_on_a_day_after_the_last() {
        Organization org = association();
        assertThat(refusalOf(() -> org.fileLiquidationReport(LocalDate.of(2026, 11, 2), "清算完毕", "officer", clock)))
                .isEqualTo("deregistration-out-of-order");
        org.applyForDeregistration(LocalDate.of(2026, 11, 1), "会员大会决议解散", "officer", clock);
        assertThat(org.actions("officer", true)).contains(Organization.Action.REPORT_LIQUIDATION)
                .doesNotContain(Organization.Action.APPLY_DEREGISTRATION, Organization.Action.APPROVE_DEREGISTRATION);
        assertThat(refusalOf(() -> org.applyForDeregistration(LocalDate.of(2026, 11, 1), "again", "officer", clock)))
                .isEqualTo("deregistration-under-way");
        assertThat(refusalOf(() -> org.fileLiquidationReport(LocalDate.of(2026, 10, 31), "清算完毕", "officer",
                clock))).isEqualTo("deregistration-date-out-of-range reportedOn");
        org.fileLiquidationReport(LocalDate.of(2026, 11, 20), "清算完毕", "officer", clock);
        assertThat(org.actions("officer", true)).contains(Organization.Action.APPROVE_DEREGISTRATION)
                .doesNotContain(Organization.Action.REPORT_LIQUIDATION);
        assertThat(refusalOf(() -> org.approveDeregistration(LocalDate.of(2026, 12, 8), "officer", clock)))
                .isEqualTo("deregistration-date-out-of-range approvedOn");

        org.approveDeregistration(LocalDate.of(2026, 12, 1), "officer", clock);

        assertThat(org.status()).isEqualTo(OrgStatus.DEREGISTERED);
        assertThat(org.history().getLast().legalBasis()).isEqualTo("《社会团体登记管理条例》第十九条");
        assertThat(org.deregistration().stage()).isEqualTo(Deregistration.Stage.APPROVED);
        assertThat(org.actions("officer", true)).as("ended").isSubsetOf(Organization.Action.RECORD_CREDIT);
    }

    @Test
    void a_report_is_entered_in_parts_each_once_and_judged_only_once_received() {
        Organization org = association();
        assertThat(refusalOf(() -> org.reportReceived(2024, null, null, AnnualReport.Verdict.PASS, "officer", clock)))
                .isEqualTo("verdict-before-receipt result");
        org.reportReceived(2024, LocalDate.of(2025, 3, 20), null, null, "officer", clock);
        org.reportReceived(2024, null, LocalDate.of(2025, 5, 20), AnnualReport.Verdict.PASS, "officer", clock);

        assertThat(refusalOf(() -> org.reportReceived(2024, null, LocalDate.of(2025, 5, 21), null, "officer", clock)))
                .isEqualTo("report-already-entered registryReceivedOn");
        assertThat(org.report(2024)).hasValueSatisfying(r -> {
            assertThat(r.sponsorReceivedOn()).isEqualTo(LocalDate.of(2025, 3, 20));
            assertThat(r.verdict()).isEqualTo(AnnualReport.Verdict.PASS);
        });
        assertThat(org.registeredEvents()).anySatisfy(e -> assertThat(e.type()).endsWith("org.inspected.v1"));
    }
}
