package cn.minzheng.eldercare.serviceorder;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PersonalDataProperties;
import cn.minzheng.testsupport.TestIdNumbers;

/**
 * A home-care order's own rules: no grounds, no order; proof before reimbursement, by the hours served up to those
 * ordered; and the acts it offers follow the same order (the provider's staff prove, an officer reimburses).
 */
class ServiceOrderTest {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(new PersonalDataProperties("test",
            Base64.getEncoder().encodeToString(new byte[32]), Map.of(),
            Base64.getEncoder().encodeToString("index-key-for-tests-only".getBytes())));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static ServiceOrder ordered(List<ServiceOrder.Ground> grounds) {
        Elder elder = Elder.of(ResidentIdNumber.of(TestIdNumbers.female("320404", LocalDate.of(1940, 2, 2))), "李阿婆",
                CIPHER);
        return ServiceOrder.order(elder, DivisionCode.of("320404003"), CreditCode.of("52320404MJ5837462K"),
                "颐和养老服务中心", ServiceType.BATHING, LocalDate.of(2026, 12, 1), new BigDecimal("2.0"),
                new BigDecimal("30.00"), grounds, "officer");
    }

    @Test
    void an_order_needs_a_ground() {
        assertThat(refusalOf(() -> ordered(List.of()))).isEqualTo("service-not-eligible idNumber");
    }

    @Test
    void proof_comes_before_reimbursement_and_the_subsidy_is_for_the_hours_served() {
        ServiceOrder order = ordered(List.of(ServiceOrder.Ground.AGE_80));
        assertThat(order.actions(true, false)).as("nothing for the officer yet").isEmpty();
        assertThat(order.actions(false, true)).containsExactly(ServiceOrder.Action.PROVE);
        assertThat(refusalOf(() -> order.reimburse("officer", CLOCK))).startsWith("proof-required");

        assertThat(refusalOf(() -> order.prove(Instant.parse("2026-12-01T03:00:00Z"),
                Instant.parse("2026-12-01T01:30:00Z"), "家中", true, "ab".repeat(32), "staff", CLOCK)))
                .isEqualTo("check-out-before-check-in checkOut");
        assertThat(refusalOf(() -> order.prove(Instant.parse("2026-12-01T01:30:00Z"),
                Instant.parse("2026-12-01T03:00:00Z"), "家中", false, "ab".repeat(32), "staff", CLOCK)))
                .isEqualTo("elder-confirmation-required elderConfirmed");
        order.prove(Instant.parse("2026-12-01T01:30:00Z"), Instant.parse("2026-12-01T03:00:00Z"), "家中", true,
                "ab".repeat(32), "staff", CLOCK);

        assertThat(order.status()).isEqualTo(ServiceOrder.Status.SERVED);
        assertThat(order.subsidy()).isEqualByComparingTo("45.00");
        assertThat(order.actions(false, true)).as("proved once").isEmpty();
        assertThat(order.actions(true, false)).containsExactly(ServiceOrder.Action.REIMBURSE);

        order.reimburse("officer", CLOCK);
        assertThat(order.status()).isEqualTo(ServiceOrder.Status.REIMBURSED);
        assertThat(order.actions(true, false)).isEmpty();
    }
}
