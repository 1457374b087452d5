package cn.minzheng.orgs.support;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.DivisionCode;

/**
 * The support records' own rules: a donation goes only to a recognised charity, with no donor's name kept for a
 * person, and is received up to its pledge; a project runs forward in time and is evaluated once. The acts each
 * offers an officer follow the same rules.
 */
class SupportRecordsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final DivisionCode ZHONGLOU = DivisionCode.of("320404");

    @Test
    void a_donation_is_received_up_to_its_pledge() {
        assertThat(refusalOf(() -> Donation.pledge("org-1", false, ZHONGLOU, Donation.DonorKind.ENTERPRISE, "某公司",
                null, new BigDecimal("1000.00"), LocalDate.of(2026, 11, 1), CLOCK)))
                .isEqualTo("not-a-charity organizationId");
        Donation donation = Donation.pledge("org-1", true, ZHONGLOU, Donation.DonorKind.PERSON, "张三", "助学",
                new BigDecimal("1000.00"), LocalDate.of(2026, 11, 1), CLOCK);
        assertThat(donation.donorName()).as("a person's name is not kept").isNull();
        assertThat(donation.actions(true)).containsExactly(Donation.Action.RECEIVE);
        assertThat(donation.actions(false)).isEmpty();

        donation.receive(new BigDecimal("600.00"), LocalDate.of(2026, 11, 10), "officer", CLOCK);
        assertThat(refusalOf(() -> donation.receive(new BigDecimal("500.00"), LocalDate.of(2026, 11, 20), "officer",
                CLOCK))).isEqualTo("received-exceeds-pledge amount");
        donation.receive(new BigDecimal("400.00"), LocalDate.of(2026, 11, 20), "officer", CLOCK);

        assertThat(donation.received()).isEqualByComparingTo("1000.00");
        assertThat(donation.actions(true)).as("received in full").isEmpty();
    }

    @Test
    void a_project_is_evaluated_once_after_it_starts() {
        assertThat(refusalOf(() -> Project.award(Project.Kind.GOVERNMENT_PURCHASE, "居家探访", "org-1",
                "51320404MJ1234567X", "钟楼区民政局", new BigDecimal("50000.00"), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 5, 1), ZHONGLOU, "officer"))).isEqualTo("invalid-request endsOn");
        Project project = Project.award(Project.Kind.GOVERNMENT_PURCHASE, "居家探访", "org-1", "51320404MJ1234567X",
                "钟楼区民政局", new BigDecimal("50000.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30),
                ZHONGLOU, "officer");
        assertThat(project.actions(true)).containsExactly(Project.Action.EVALUATE);
        assertThat(refusalOf(() -> project.evaluate(Project.Rating.GOOD, LocalDate.of(2025, 12, 31), null, "officer",
                CLOCK))).isEqualTo("evaluated-out-of-range evaluatedOn");

        project.evaluate(Project.Rating.GOOD, LocalDate.of(2026, 12, 1), "按期完成", "officer", CLOCK);

        assertThat(project.actions(true)).isEmpty();
        assertThat(refusalOf(() -> project.evaluate(Project.Rating.PASS, LocalDate.of(2026, 12, 2), null, "officer",
                CLOCK))).isEqualTo("project-evaluated");
    }
}
