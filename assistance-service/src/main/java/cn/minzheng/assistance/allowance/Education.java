package cn.minzheng.assistance.allowance;

import java.time.LocalDate;

/**
 * Full-time education (全日制学历教育) with its evidence: where a county allows it, a children's allowance goes on
 * past 18 while it lasts.
 */
public record Education(String school, LocalDate until, String evidence) {

    boolean coversMonthStarting(LocalDate firstDay) {
        return until != null && !until.isBefore(firstDay) && evidence != null && !evidence.isBlank();
    }
}
