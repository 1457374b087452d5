package cn.minzheng.funeral.death;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PersonalDataProperties;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.testsupport.TestIdNumbers;

/**
 * Issue 30.12: the rules a death holds itself: no death in the future, a service or cremation between the death and
 * today, cremated and buried once (the eco reward once with it), and a retraction proposed by one officer and
 * confirmed by another, after which nothing more is recorded on it.
 */
class DeathTest {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(new PersonalDataProperties("test",
            Base64.getEncoder().encodeToString(new byte[32]), Map.of(),
            Base64.getEncoder().encodeToString("index-key-for-tests-only".getBytes())));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Death died(LocalDate on) {
        ProtectedIdNumber id = ProtectedIdNumber.protect(ResidentIdNumber.of(TestIdNumbers.male("320404",
                LocalDate.of(1940, 5, 5))), CIPHER);
        return Death.record(id, "王老伯", on, "钟楼区人民医院", CauseCategory.DISEASE, DivisionCode.of("320404001001"),
                DivisionCode.of("320404"), "常州市殡仪馆", null, "home-operator", CLOCK);
    }

    @Test
    void a_death_in_the_future_is_refused_and_a_recorded_one_announces_itself() {
        assertThat(refusalOf(() -> died(TODAY.plusDays(1)))).isEqualTo("invalid-request dateOfDeath");

        Death death = died(TODAY.minusDays(2));

        assertThat(death.registeredEvents()).singleElement().satisfies(event ->
                assertThat(event.type()).isEqualTo("minzheng.funeral.death.recorded.v1"));
    }

    @Test
    void services_and_the_cremation_fall_between_the_death_and_today_and_cremation_is_once() {
        Death death = died(TODAY.minusDays(2));

        assertThat(refusalOf(() -> death.serve(new ServiceRecord(ServiceItem.TRANSPORT, 1, TODAY.minusDays(3),
                "op"), CLOCK))).isEqualTo("invalid-request on");
        assertThat(refusalOf(() -> death.serve(new ServiceRecord(ServiceItem.CREMATION, 1, TODAY, "op"), CLOCK)))
                .as("a cremation is recorded with its certificate").isEqualTo("invalid-request item");
        death.serve(new ServiceRecord(ServiceItem.COLD_STORAGE, 2, TODAY.minusDays(1), "op"), CLOCK);
        assertThat(death.actions("op", true, false)).containsExactly(Death.Action.RECORD_SERVICE,
                Death.Action.RECORD_CREMATION);
        death.cremated("HH-2026-0001", TODAY, "op", CLOCK);
        assertThat(death.actions("op", true, false)).containsExactly(Death.Action.RECORD_SERVICE);

        assertThat(refusalOf(() -> death.cremated("HH-2026-0002", TODAY, "op", CLOCK))).isEqualTo("already-cremated");
        assertThat(death.services()).extracting(ServiceRecord::item)
                .containsExactly(ServiceItem.COLD_STORAGE, ServiceItem.CREMATION);
    }

    @Test
    void an_eco_burial_is_rewarded_once_and_a_grave_never() {
        Death eco = died(TODAY.minusDays(5));
        eco.buried(Burial.BurialType.TREE, "cem-1", "p-1", TODAY, new BigDecimal("1000"), "officer", CLOCK);
        assertThat(eco.burial().ecoReward()).isTrue();
        assertThat(refusalOf(() -> eco.buried(Burial.BurialType.TREE, "cem-1", "p-2", TODAY, new BigDecimal("1000"),
                "officer", CLOCK))).isEqualTo("already-buried");

        Death grave = died(TODAY.minusDays(5));
        grave.buried(Burial.BurialType.GRAVE, "cem-1", "p-3", TODAY, new BigDecimal("1000"), "officer", CLOCK);
        assertThat(grave.burial().ecoReward()).isFalse();
    }

    @Test
    void a_retraction_needs_a_second_officer_and_then_nothing_more_is_recorded() {
        Death death = died(TODAY.minusDays(2));
        assertThat(refusalOf(() -> death.confirmRetraction("officer-b", null, CLOCK)))
                .isEqualTo("no-retraction-proposed");
        death.proposeRetraction("身份证号码录入错误", "officer-a", CLOCK);
        assertThat(refusalOf(() -> death.proposeRetraction("again", "officer-b", CLOCK)))
                .isEqualTo("retraction-pending");
        assertThat(refusalOf(() -> death.confirmRetraction("officer-a", null, CLOCK))).isEqualTo("four-eyes");
        assertThat(death.isRetracted()).isFalse();
        assertThat(death.actions("officer-a", false, true)).isEmpty();
        assertThat(death.actions("officer-b", false, true)).containsExactly(Death.Action.CONFIRM_RETRACTION);

        death.confirmRetraction("officer-b", null, CLOCK);

        assertThat(death.isRetracted()).isTrue();
        assertThat(death.actions("op", true, true)).isEmpty();
        assertThat(refusalOf(() -> death.cremated("HH-2026-0003", TODAY, "op", CLOCK))).isEqualTo("death-retracted");
    }
}
