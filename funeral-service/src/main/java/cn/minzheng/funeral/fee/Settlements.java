package cn.minzheng.funeral.fee;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.stereotype.Service;

/**
 * Monthly settlement statements per funeral home, computed when read from the deaths of the month (the waivers as
 * the waiver endpoint computes them), so a service recorded late or a projection corrected later is in the next
 * reading; nothing is stored to drift.
 */
@Service
public class Settlements {

    private final Deaths deaths;
    private final FeeWaivers waivers;

    Settlements(Deaths deaths, FeeWaivers waivers) {
        this.deaths = deaths;
        this.waivers = waivers;
    }

    public SettlementStatement.Month of(DivisionCode division, YearMonth month) {
        Map<String, Totals> homes = new TreeMap<>();
        try (Stream<Death> all = deaths.between(division, month.atDay(1), month.atEndOfMonth())) {
            all.filter(death -> !death.isRetracted()).forEach(death -> homes.computeIfAbsent(
                    death.funeralHomeDivision().value() + "|" + death.funeralHome(),
                    k -> new Totals(death.funeralHome(), death.funeralHomeDivision().value())).add(waivers.of(death)));
        }
        List<SettlementStatement> statements = new ArrayList<>();
        BigDecimal owed = BigDecimal.ZERO.setScale(2);
        for (Totals totals : homes.values()) {
            SettlementStatement statement = totals.statement(month);
            statements.add(statement);
            owed = owed.add(statement.owed());
        }
        return new SettlementStatement.Month(division.value(), month, statements, owed);
    }

    private static final class Totals {
        private final String home;
        private final String division;
        private long deaths;
        private long withWaiver;
        private final Map<String, long[]> counts = new TreeMap<>();
        private final Map<String, BigDecimal> amounts = new TreeMap<>();
        private BigDecimal owed = BigDecimal.ZERO.setScale(2);

        Totals(String home, String division) {
            this.home = home;
            this.division = division;
        }

        void add(FeeWaiver waiver) {
            deaths++;
            if (waiver.waived().signum() > 0) {
                withWaiver++;
            }
            waiver.items().stream().filter(line -> line.waived().signum() > 0).forEach(line -> {
                counts.computeIfAbsent(line.item().name(), k -> new long[1])[0]++;
                amounts.merge(line.item().name(), line.waived(), BigDecimal::add);
            });
            owed = owed.add(waiver.waived());
        }

        SettlementStatement statement(YearMonth month) {
            Map<String, SettlementStatement.ItemTotal> items = new TreeMap<>();
            counts.forEach((item, n) -> items.put(item, new SettlementStatement.ItemTotal(n[0], amounts.get(item))));
            return new SettlementStatement(home, division, month, deaths, withWaiver, items, owed);
        }
    }
}
