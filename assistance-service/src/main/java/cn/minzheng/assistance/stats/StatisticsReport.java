package cn.minzheng.assistance.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import cn.minzheng.assistance.benefit.Programme;

/**
 * @param perProgramme newly enrolled and terminated households and people, and the amount paid, per programme
 * @param removedByRectification households ended by special rectification (专项治理), counted per reason
 */
public record StatisticsReport(String divisionCode, LocalDate from, LocalDate to,
        Map<Programme, ProgrammeFigures> perProgramme, Map<String, Long> removedByRectification) {

    public record ProgrammeFigures(long householdsEnrolled, long peopleEnrolled, long householdsTerminated,
            long peopleTerminated, long paymentLines, BigDecimal amountPaid) {
    }
}
