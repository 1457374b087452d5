package cn.minzheng.registry.divorce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.time.HolidaySchedules;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.divorce.messaging.DivorceDatesChanged;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.TestOffices;
import cn.minzheng.testsupport.ProblemBundles;

/** The cooling-off clock of art. 1077 on the legal calendar the service loads (schedules 2021-2026, law for later). */
class DivorceCalendarTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final LegalCalendar CALENDAR = LegalCalendar.of(HolidaySchedules.shipped());
    static final Office OFFICE = TestOffices.ZHONGLOU;

    static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(BEIJING).toInstant(), BEIJING);
    }

    static Divorce appliedOn(LocalDate day, LegalCalendar calendar) {
        return Divorce.apply(OFFICE, "mar-1", List.of("a", "b"), "r", calendar, on(day));
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
        "2026-05-01, 2026-06-01, 2026-07-01",
        // across New Year 2027: 01-01 is a statutory holiday in every year, then a weekend
        "2026-12-02, 2027-01-04, 2027-02-03",
        // across Spring Festival 2027: the nominal deadline 02-06 is 初一; 除夕 02-05 to 初三 02-08 are holidays
        "2026-12-08, 2027-01-07, 2027-02-09",
        // cooling-off ends on 除夕 and moves past Spring Festival
        "2027-01-06, 2027-02-09, 2027-03-11"
    })
    void periods_are_legal_periods_of_days(LocalDate applied, LocalDate coolingOffEnds, LocalDate deadline) {
        Divorce divorce = appliedOn(applied, CALENDAR);
        assertThat(divorce.coolingOffEnds()).isEqualTo(coolingOffEnds);
        assertThat(divorce.certificateDeadline()).isEqualTo(deadline);
    }

    @ParameterizedTest(name = "applied {0}, registration on {1}: {2}")
    @CsvSource({
        // National Day 2026
        "2026-08-02, 2026-09-01, cooling-off",
        "2026-08-02, 2026-09-02, ",
        "2026-08-02, 2026-10-08, ",
        "2026-08-02, 2026-10-09, deemed-withdrawn",
        // New Year 2027, day by day around each boundary
        "2026-12-02, 2027-01-01, cooling-off",
        "2026-12-02, 2027-01-04, cooling-off",
        "2026-12-02, 2027-01-05, ",
        "2026-12-02, 2027-02-02, ",
        "2026-12-02, 2027-02-03, ",
        "2026-12-02, 2027-02-04, deemed-withdrawn",
        // Spring Festival 2027: the deadline
        "2026-12-08, 2027-02-04, ",
        "2026-12-08, 2027-02-09, ",
        "2026-12-08, 2027-02-10, deemed-withdrawn",
        // Spring Festival 2027: the end of cooling-off
        "2027-01-06, 2027-02-09, cooling-off",
        "2027-01-06, 2027-02-10, "
    })
    void registration_is_possible_only_after_cooling_off_and_until_the_deadline(LocalDate applied, LocalDate day,
            String refusal) {
        Divorce divorce = appliedOn(applied, CALENDAR);
        if (refusal == null) {
            divorce.registered("L-1", "r", on(day));
            assertThat(divorce.status()).isEqualTo(Divorce.Status.REGISTERED);
            assertThat(divorce.registeredEvents()).hasSize(1);
        } else {
            assertThatThrownBy(() -> divorce.registered("L-1", "r", on(day))).isInstanceOfSatisfying(Refusal.class,
                    e -> assertThat(e.code() + " " + ProblemBundles.english(e)).startsWith(refusal)
                            .contains(divorce.coolingOffEnds().toString())
                            .contains(divorce.certificateDeadline().toString()));
            assertThat(divorce.status()).isEqualTo(Divorce.Status.COOLING_OFF);
        }
    }

    @ParameterizedTest(name = "lapse checked on {0}: {1}")
    @CsvSource({"2026-10-08, false", "2026-10-09, true"})
    void an_application_lapses_the_day_after_its_deadline(LocalDate day, boolean lapses) {
        Divorce divorce = appliedOn(LocalDate.of(2026, 8, 2), CALENDAR);
        assertThat(divorce.statusOn(day)).isEqualTo(lapses ? Divorce.Status.DEEMED_WITHDRAWN
                : Divorce.Status.COOLING_OFF);
        assertThat(divorce.lapseIfPast(on(day))).isEqualTo(lapses);
        assertThat(divorce.lapseIfPast(on(day))).as("a second run changes nothing").isFalse();
    }

    @Test
    void a_2027_schedule_with_a_bridging_day_moves_an_open_deadline_once_and_says_so() {
        Divorce divorce = appliedOn(LocalDate.of(2026, 12, 8), CALENDAR);
        LegalCalendar with2027 = LegalCalendar.of(schedulesWith2027("2027-02-05/2027-02-09"));

        Divorce.Recalculated result = divorce.recalculate(with2027, OFFICE, "schedule:2027", on(LocalDate.of(2027, 1, 10)));

        assertThat(result).isEqualTo(Divorce.Recalculated.MOVED);
        assertThat(divorce.coolingOffEnds()).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(divorce.certificateDeadline()).isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(divorce.dateChanges()).singleElement().satisfies(change -> {
            assertThat(change.date()).isEqualTo("certificateDeadline");
            assertThat(change.from()).isEqualTo(LocalDate.of(2027, 2, 9));
            assertThat(change.to()).isEqualTo(LocalDate.of(2027, 2, 10));
            assertThat(change.reason()).isEqualTo("schedule:2027");
        });
        assertThat(divorce.registeredEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(DivorceDatesChanged.TYPE);
            assertThat(event.data()).containsEntry("previousCertificateDeadline", "2027-02-09")
                    .containsEntry("certificateDeadline", "2027-02-10");
        });
        assertThat(divorce.recalculate(with2027, OFFICE, "schedule:2027", on(LocalDate.of(2027, 1, 10))))
                .as("the same schedule again").isEqualTo(Divorce.Recalculated.NOTHING);
        assertThat(divorce.registeredEvents()).hasSize(1);
    }

    @Test
    void a_schedule_never_shortens_a_period_already_given_and_the_case_shows_why() {
        Divorce divorce = appliedOn(LocalDate.of(2026, 12, 8), LegalCalendar.of(schedulesWith2027(
                "2027-02-05/2027-02-09")));
        assertThat(divorce.certificateDeadline()).isEqualTo(LocalDate.of(2027, 2, 10));

        Divorce.Recalculated result = divorce.recalculate(CALENDAR, OFFICE, "schedule:2027",
                on(LocalDate.of(2027, 1, 10)));

        assertThat(result).isEqualTo(Divorce.Recalculated.KEPT);
        assertThat(divorce.certificateDeadline()).as("the longer date stands").isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(divorce.dateChanges()).singleElement().satisfies(change -> {
            assertThat(change.kept()).isTrue();
            assertThat(change.calculated()).isEqualTo(LocalDate.of(2027, 2, 9));
        });
        assertThat(divorce.registeredEvents()).isEmpty();
        assertThat(divorce.recalculate(CALENDAR, OFFICE, "schedule:2027", on(LocalDate.of(2027, 1, 11))))
                .isEqualTo(Divorce.Recalculated.NOTHING);
    }

    @Test
    void a_closed_application_is_not_recalculated() {
        Divorce divorce = appliedOn(LocalDate.of(2026, 12, 8), CALENDAR);
        LegalCalendar with2027 = LegalCalendar.of(schedulesWith2027("2027-02-05/2027-02-09"));

        assertThat(divorce.recalculate(with2027, OFFICE, "schedule:2027", on(LocalDate.of(2027, 2, 10))))
                .as("past its deadline on the old calendar: deemed withdrawn when read")
                .isEqualTo(Divorce.Recalculated.NOTHING);
    }

    static HolidaySchedules schedulesWith2027(String springFestival) {
        StringBuilder yaml = new StringBuilder("schedules:\n");
        HolidaySchedules.shipped().years().values().forEach(s -> yaml.append("  ").append(s.year())
                .append(":\n    source: ").append(s.source()).append("\n    holidays: ")
                .append(s.holidays().stream().map(Object::toString).sorted().toList()).append("\n    workdays: ")
                .append(s.workdays().stream().map(Object::toString).sorted().toList()).append('\n'));
        yaml.append("  2027:\n    source: 国务院办公厅关于2027年部分节假日安排的通知（测试）\n    holidays: [2027-01-01/2027-01-03, ")
                .append(springFestival).append("]\n    workdays: [2027-02-20]\n");
        return HolidaySchedules.parse(yaml.toString());
    }

    /** The acts a read offers are those the application accepts that day, at each boundary of the calendar. */
    @ParameterizedTest(name = "applied {0}, read on {1}: {2}")
    @CsvSource({
        "2026-12-02, 2027-01-04, WITHDRAW",
        "2026-12-02, 2027-01-05, REGISTER",
        "2026-12-02, 2027-02-03, REGISTER",
        "2026-12-02, 2027-02-04, "
    })
    void the_actions_offered_follow_the_legal_calendar(LocalDate applied, LocalDate read, Divorce.Action action) {
        Divorce divorce = appliedOn(applied, CALENDAR);
        assertThat(divorce.actionsOn(read)).isEqualTo(action == null ? java.util.Set.of() : java.util.Set.of(action));
    }
}
