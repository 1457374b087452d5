package cn.minzheng.funeral.fee;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What the county owes one funeral home for a month (惠民殡葬结算): the deaths it served whose date of death is in
 * the month (retracted ones left out), and per item how many deaths had it waived and the amount.
 */
public record SettlementStatement(String funeralHome, String funeralHomeDivision, YearMonth month, long deaths,
        long deathsWithWaiver, Map<String, ItemTotal> items, BigDecimal owed) {

    public record ItemTotal(long deaths, BigDecimal waived) {
    }

    /** The statements of a division's funeral homes for a month, with the sum the county owes. */
    public record Month(String division, YearMonth month, List<SettlementStatement> funeralHomes, BigDecimal owed) {
    }
}
