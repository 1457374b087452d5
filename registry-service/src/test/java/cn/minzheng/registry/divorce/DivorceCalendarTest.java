package cn.minzheng.registry.divorce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.testsupport.ProblemBundles;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.time.LegalCalendarProperties;

/** The cooling-off clock of art. 1077 on the legal calendar (2026's published holidays). */
class DivorceCalendarTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final LegalCalendar CALENDAR = LegalCalendar.from(new LegalCalendarProperties(Map.of(2026,
            new LegalCalendarProperties.Year(List.of("2026-09-25/2026-09-27", "2026-10-01/2026-10-07"),
                    List.of("2026-09-20", "2026-10-10")))));

    static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(BEIJING).toInstant(), BEIJING);
    }

    @ParameterizedTest(name = "applied {0}: cooling-off ends {1}, deadline {2}")
    @CsvSource({
        // ordinary: 30 days, then 30 more (the start day not counted)
        "2026-06-10, 2026-07-10, 2026-08-10",
        // the deadline falls on National Day (Oct 1): it moves to the first working day after the holiday
        "2026-08-02, 2026-09-01, 2026-10-08",
        // cooling-off itself ends in the holiday; the registration period counts from the moved end
        "2026-09-01, 2026-10-08, 2026-11-09",
        // a Saturday end moves to Monday
        "2026-05-01, 2026-06-01, 2026-07-01"
    })
    void periods_are_legal_periods_of_days(LocalDate applied, LocalDate coolingOffEnds, LocalDate deadline) {
        Divorce divorce = Divorce.apply("mar-1", "office-1", DivisionCode.of("320404"), List.of("a", "b"), "r", CALENDAR, on(applied));
        assertThat(divorce.coolingOffEnds()).isEqualTo(coolingOffEnds);
        assertThat(divorce.certificateDeadline()).isEqualTo(deadline);
    }

    @ParameterizedTest(name = "registration on {0}: {1}")
    @CsvSource({
        "2026-09-01, cooling-off",
        "2026-09-02, ",
        "2026-10-08, ",
        "2026-10-09, deemed-withdrawn"
    })
    void registration_is_possible_only_after_cooling_off_and_until_the_deadline(LocalDate day, String refusal) {
        Divorce divorce = Divorce.apply("mar-1", "office-1", DivisionCode.of("320404"), List.of("a", "b"), "r", CALENDAR,
                on(LocalDate.of(2026, 8, 2)));
        if (refusal == null) {
            divorce.registered("L-1", "r", on(day));
            assertThat(divorce.status()).isEqualTo(Divorce.Status.REGISTERED);
            assertThat(divorce.registeredEvents()).hasSize(1);
        } else {
            assertThatThrownBy(() -> divorce.registered("L-1", "r", on(day))).isInstanceOfSatisfying(Refusal.class,
                    e -> assertThat(e.code() + " " + ProblemBundles.english(e)).startsWith(refusal)
                            .contains("2026-09-01").contains("2026-10-08"));
            assertThat(divorce.status()).isEqualTo(Divorce.Status.COOLING_OFF);
        }
    }

    @ParameterizedTest(name = "lapse checked on {0}: {1}")
    @CsvSource({"2026-10-08, false", "2026-10-09, true"})
    void an_application_lapses_the_day_after_its_deadline(LocalDate day, boolean lapses) {
        Divorce divorce = Divorce.apply("mar-1", "office-1", DivisionCode.of("320404"), List.of("a", "b"), "r", CALENDAR,
                on(LocalDate.of(2026, 8, 2)));
        assertThat(divorce.lapseIfPast(on(day))).isEqualTo(lapses);
        assertThat(divorce.lapseIfPast(on(day))).as("a second run changes nothing").isFalse();
    }
}
