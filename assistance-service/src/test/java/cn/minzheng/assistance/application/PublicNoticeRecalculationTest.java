package cn.minzheng.assistance.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.minzheng.assistance.application.messaging.PublicNoticeExtended;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.time.HolidaySchedules;
import cn.minzheng.platform.time.LegalCalendar;

/** A public notice's end when the year's holiday schedule arrives while the notice runs. */
class PublicNoticeRecalculationTest {

    static final LegalCalendar SHIPPED = LegalCalendar.of(HolidaySchedules.shipped());
    static final LocalDate FROM = LocalDate.of(2027, 1, 29);

    static LegalCalendar with2027() {
        StringBuilder yaml = new StringBuilder("schedules:\n");
        yaml.append("  2027:\n    source: 国务院办公厅关于2027年部分节假日安排的通知（测试）\n")
                .append("    holidays: [2027-01-01/2027-01-03, 2027-02-05/2027-02-13]\n    workdays: [2027-02-20]\n");
        return LegalCalendar.of(HolidaySchedules.parse(yaml.toString()));
    }

    static Application onNoticeFrom(LocalDate from, LegalCalendar calendar) {
        Application application = Application.submit("app-1", "hh-1", cn.minzheng.platform.identity.DivisionCode.of(
                "320404001007"), cn.minzheng.assistance.benefit.Programme.DIBAO, "失业", null,
                List.of("a".repeat(64)), ApplicationTest.PASSES, "officer-a", "TOWNSHIP_WINDOW", ApplicationTest.on(from));
        application.review(Application.Decision.PASS, "入户调查属实", ApplicationTest.PASSES, "snap-1",
                Money.of("850.00"), "张大伟", "320404********3772", "officer-a",
                calendar.periodOfDays(from, ApplicationService.NOTICE_DAYS).date(), ApplicationTest.on(from));
        return application;
    }

    @Test
    void a_schedule_that_makes_the_last_day_a_holiday_extends_the_notice_once_with_an_event() {
        Application application = onNoticeFrom(FROM, SHIPPED);
        assertThat(application.notice().until()).as("除夕 02-05 to 初三 02-08 by law").isEqualTo(LocalDate.of(2027, 2, 9));

        assertThat(application.recalculateNotice(with2027(), 7, "schedule:2027", ApplicationTest.on(FROM.plusDays(1))))
                .isTrue();

        assertThat(application.notice().until()).isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(application.noticeChanges()).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(LocalDate.of(2027, 2, 9));
            assertThat(change.to()).isEqualTo(LocalDate.of(2027, 2, 15));
        });
        assertThat(application.registeredEvents()).filteredOn(e -> e.type().equals(PublicNoticeExtended.TYPE))
                .singleElement().satisfies(e -> assertThat(e.data()).containsEntry("previousNoticeUntil", "2027-02-09")
                        .containsEntry("noticeUntil", "2027-02-15"));
        assertThat(application.recalculateNotice(with2027(), 7, "schedule:2027", ApplicationTest.on(FROM.plusDays(2))))
                .as("the same schedule again").isFalse();
    }

    @Test
    void a_notice_already_published_is_never_shortened_and_the_history_says_why() {
        Application application = onNoticeFrom(FROM, with2027());
        assertThat(application.notice().until()).isEqualTo(LocalDate.of(2027, 2, 15));

        assertThat(application.recalculateNotice(SHIPPED, 7, "schedule:2027", ApplicationTest.on(FROM.plusDays(1))))
                .isTrue();
        assertThat(application.notice().until()).isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(application.noticeChanges()).singleElement().satisfies(change -> {
            assertThat(change.to()).isEqualTo(change.from());
            assertThat(change.calculated()).isEqualTo(LocalDate.of(2027, 2, 9));
        });
        assertThat(application.recalculateNotice(SHIPPED, 7, "schedule:2027", ApplicationTest.on(FROM.plusDays(1))))
                .isFalse();
        assertThat(application.registeredEvents()).noneMatch(e -> e.type().equals(PublicNoticeExtended.TYPE));
    }

    @Test
    void a_notice_that_is_over_is_left_alone() {
        Application application = onNoticeFrom(FROM, SHIPPED);
        assertThat(application.recalculateNotice(with2027(), 7, "schedule:2027",
                ApplicationTest.on(LocalDate.of(2027, 2, 10)))).isFalse();
        assertThat(application.notice().until()).isEqualTo(LocalDate.of(2027, 2, 9));
    }
}
