package cn.minzheng.orgs.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.time.HolidaySchedules;
import cn.minzheng.platform.time.LegalCalendar;

/**
 * Issue 30.6: the days an organisation's standing changes by itself, as its record stands, agree with the standing
 * computed when read (the day before each, it does not hold; on the day, it does).
 */
class WorklistDatesTest {

    static final LegalCalendar CALENDAR = LegalCalendar.of(HolidaySchedules.shipped());
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    final Clock clock = Clock.fixed(LocalDate.of(2026, 12, 7).atStartOfDay(CHINA).toInstant(), CHINA);

    private Organization registeredOn(LocalDate day) {
        String body = "51320404MJ12345";
        String code = (body + "67").substring(0, 17);
        return Organization.register(new Organization.Registration("钟楼区测试协会", OrgType.ASSOCIATION,
                CreditCode.of(code + CreditCode.checkCharacter(code)), null, true, null, "行业交流", null, null,
                DivisionCode.of("320404"), day), "officer", clock);
    }

    @Test
    void a_registered_organisation_is_listed_the_day_after_its_first_missed_deadline_and_revocable_after_two() {
        Organization org = registeredOn(LocalDate.of(2023, 3, 1));
        org.reportReceived(2023, null, LocalDate.of(2024, 5, 6), null, "officer", clock);

        WorklistDates dates = WorklistDates.of(org, CALENDAR, clock);

        LocalDate deadline2024 = ReportDeadlines.registry(2024, OrgType.ASSOCIATION, CALENDAR);
        LocalDate deadline2025 = ReportDeadlines.registry(2025, OrgType.ASSOCIATION, CALENDAR);
        assertThat(dates.nextListingOn()).isEqualTo(deadline2024.plusDays(1));
        assertThat(org.statusOn(deadline2024, CALENDAR)).isEqualTo(OrgStatus.REGISTERED);
        assertThat(org.statusOn(dates.nextListingOn(), CALENDAR)).isEqualTo(OrgStatus.ABNORMAL);
        assertThat(dates.revocableFrom()).isEqualTo(deadline2025.plusDays(1));
        assertThat(org.zombieSince(deadline2025, CALENDAR)).isEmpty();
        assertThat(org.zombieSince(dates.revocableFrom(), CALENDAR)).contains(2024);
        assertThat(dates.creditRecordDueBy()).isNull();
    }

    @Test
    void a_report_received_late_still_counts_as_missed_and_a_listing_decision_is_due_in_the_credit_record() {
        Organization org = registeredOn(LocalDate.of(2023, 3, 1));
        LocalDate deadline2023 = ReportDeadlines.registry(2023, OrgType.ASSOCIATION, CALENDAR);
        org.reportReceived(2023, null, deadline2023.plusDays(3), null, "officer", clock);
        org.changeStatus(OrgStatus.ABNORMAL, "未按时报送年度工作报告", "《社会组织信用信息管理办法》第九条",
                deadline2023.plusDays(1), "officer", clock);

        WorklistDates dates = WorklistDates.of(org, CALENDAR, clock);

        assertThat(dates.nextListingOn()).as("two years on the abnormal list")
                .isEqualTo(Organization.seriousFrom(deadline2023.plusDays(1)));
        assertThat(dates.revocableFrom()).isEqualTo(ReportDeadlines.registry(2024, OrgType.ASSOCIATION, CALENDAR)
                .plusDays(1));
        assertThat(dates.creditRecordDueBy()).isEqualTo(CreditRecords.dueBy(org.history().get(0), CALENDAR, clock));
    }

    @Test
    void an_ended_registration_is_on_no_worklist() {
        Organization org = registeredOn(LocalDate.of(2023, 3, 1));
        org.changeStatus(OrgStatus.DEREGISTERED, "注销", "《社会团体登记管理条例》", LocalDate.of(2026, 12, 1), "officer",
                clock);

        WorklistDates dates = WorklistDates.of(org, CALENDAR, clock);

        assertThat(dates.nextListingOn()).isNull();
        assertThat(dates.revocableFrom()).isNull();
    }
}
