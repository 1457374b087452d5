package cn.minzheng.eldercare.adaptation;

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
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PersonalDataProperties;
import cn.minzheng.testsupport.TestIdNumbers;

/**
 * A home adaptation's own rules: assessed, built, accepted in that order and on days not in the future; a failed
 * acceptance keeps the work going; the subsidy is the final cost up to the cap; the acts offered follow the order.
 */
class HomeAdaptationUnitTest {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(new PersonalDataProperties("test",
            Base64.getEncoder().encodeToString(new byte[32]), Map.of(),
            Base64.getEncoder().encodeToString("index-key-for-tests-only".getBytes())));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final BigDecimal CAP = new BigDecimal("3000.00");

    private static HomeAdaptation assessed() {
        Elder elder = Elder.of(ResidentIdNumber.of(TestIdNumbers.female("320404", LocalDate.of(1950, 2, 2))), "孙玉珍",
                CIPHER);
        return HomeAdaptation.assess(elder, DivisionCode.of("320404005"), "广化社区 12 幢 302 室", List.of("卫生间安装扶手"),
                LocalDate.of(2026, 11, 20), new BigDecimal("2800.00"), "officer", CLOCK);
    }

    @Test
    void the_steps_go_in_order_and_the_acts_offered_follow_them() {
        HomeAdaptation adaptation = assessed();
        assertThat(adaptation.actions(false)).as("only officers act").isEmpty();
        assertThat(adaptation.actions(true)).containsExactly(HomeAdaptation.Action.START_CONSTRUCTION);
        assertThat(refusalOf(() -> adaptation.accept(LocalDate.of(2026, 11, 30), true, CAP, null, CAP, CLOCK)))
                .startsWith("wrong-status");
        assertThat(refusalOf(() -> adaptation.startConstruction(LocalDate.of(2026, 11, 19), "某公司", CLOCK)))
                .isEqualTo("date-before-step startedOn");

        adaptation.startConstruction(LocalDate.of(2026, 11, 25), "安居适老化工程有限公司", CLOCK);
        assertThat(adaptation.actions(true)).containsExactly(HomeAdaptation.Action.ACCEPT);

        adaptation.accept(LocalDate.of(2026, 11, 28), false, new BigDecimal("2800.00"), "扶手松动", CAP, CLOCK);
        assertThat(adaptation.status()).as("failed: the work goes on").isEqualTo(HomeAdaptation.Status.UNDER_CONSTRUCTION);

        adaptation.accept(LocalDate.of(2026, 12, 1), true, new BigDecimal("3400.00"), null, CAP, CLOCK);
        assertThat(adaptation.status()).isEqualTo(HomeAdaptation.Status.ACCEPTED);
        assertThat(adaptation.subsidy()).as("capped").isEqualByComparingTo("3000.00");
        assertThat(adaptation.actions(true)).isEmpty();
    }
}
