package cn.minzheng.registry.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.time.HolidaySchedules;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.testsupport.ProblemBundles;

/** An office registers on its opening weekdays that are legal working days, make-up workdays and declared days. */
class OfficeRegistrationDaysTest {

    static final LegalCalendar CALENDAR = LegalCalendar.of(HolidaySchedules.shipped());
    static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 12, 2).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));

    static Office weekdayOffice() {
        return Office.open("320404-01", "钟楼区婚姻登记处", DivisionCode.of("320404"), "延陵西路 1 号",
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(new TimeBand("09:00-10:00", 20)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-12-02, true",    // a Wednesday
            "2026-12-05, false",   // a Saturday
            "2027-01-01, false",   // New Year's Day, statutory in every year
            "2026-02-14, true",    // a Saturday worked before Spring Festival 2026 (make-up workday)
            "2026-10-05, false",   // a Monday in the National Day holiday
            "2027-02-05, false",   // 除夕 2027
            "2027-02-09, true"})
    void registration_days_follow_the_legal_calendar(LocalDate day, boolean registers) {
        assertThat(weekdayOffice().registersOn(day, CALENDAR)).isEqualTo(registers);
    }

    @Test
    void a_closed_day_is_refused_naming_the_next_day_the_office_registers() {
        Office office = weekdayOffice();

        assertThatThrownBy(() -> office.requireRegistersOn(LocalDate.of(2027, 2, 5), CALENDAR))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("office-closed");
                    assertThat(ProblemBundles.english(refusal)).contains("2027-02-05").contains("public holiday")
                            .contains("next day it registers is 2027-02-09");
                });
    }

    @Test
    void declared_days_open_a_weekend_and_close_a_working_day() {
        Office office = weekdayOffice();
        office.declareSpecialOpening(LocalDate.of(2027, 5, 22), "520 周末特别办理", "r", CALENDAR, TODAY);
        office.declareClosure(LocalDate.of(2026, 12, 9), "系统升级", "r", TODAY);

        assertThat(office.registersOn(LocalDate.of(2027, 5, 22), CALENDAR)).isTrue();
        assertThat(office.registersOn(LocalDate.of(2026, 12, 9), CALENDAR)).isFalse();
        assertThat(office.closedOn(LocalDate.of(2026, 12, 9), CALENDAR)).contains(Office.Closed.DECLARED_CLOSURE);
        assertThat(office.nextRegistrationDay(LocalDate.of(2026, 12, 9), CALENDAR))
                .contains(LocalDate.of(2026, 12, 10));
        assertThatThrownBy(() -> office.declareSpecialOpening(LocalDate.of(2026, 12, 10), "x", "r", CALENDAR, TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("already-declared"));
        assertThatThrownBy(() -> office.declareClosure(LocalDate.of(2026, 12, 2), "x", "r", TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("date-not-future"));
    }
}
