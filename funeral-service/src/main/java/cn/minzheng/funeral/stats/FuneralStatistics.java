package cn.minzheng.funeral.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import cn.minzheng.funeral.cemetery.Cemeteries;
import cn.minzheng.funeral.cemetery.Cemetery;
import cn.minzheng.funeral.cemetery.Plot;
import cn.minzheng.funeral.death.Burial;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.cemetery.RelocationProjects;
import cn.minzheng.funeral.fee.FeeWaiver;
import cn.minzheng.funeral.fee.FeeWaivers;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.stereotype.Service;

/**
 * Deaths of the period (by date of death, at funeral homes of the division), cremations and the cremation rate,
 * burials by type with the eco share and rewards, fee waivers by item (computed as the waiver endpoint computes them),
 * the plots of the division's cemeteries now, and graves relocated in the period by type. Retracted deaths are
 * left out. Counted from the records; no counters to drift.
 */
@Service
public class FuneralStatistics {

    private final Deaths deaths;
    private final Cemeteries cemeteries;
    private final FeeWaivers waivers;
    private final RelocationProjects relocations;

    FuneralStatistics(Deaths deaths, Cemeteries cemeteries, FeeWaivers waivers, RelocationProjects relocations) {
        this.deaths = deaths;
        this.cemeteries = cemeteries;
        this.waivers = waivers;
        this.relocations = relocations;
    }

    public record Waived(long deaths, BigDecimal amount) {
    }

    public record Report(String division, LocalDate from, LocalDate to, long deaths, long cremations,
            BigDecimal cremationRate, Map<Burial.BurialType, Long> burialsByType, long ecoBurials,
            BigDecimal ecoRewards, Map<String, Waived> waiversByItem, BigDecimal waivedTotal,
            Map<Plot.Kind, Map<Plot.Status, Long>> plots, Map<String, Long> gravesRelocatedByType) {
    }

    public Report report(DivisionCode division, LocalDate from, LocalDate to) {
        long[] counts = new long[3];
        Map<Burial.BurialType, Long> burials = new EnumMap<>(Burial.BurialType.class);
        BigDecimal[] money = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
        Map<String, long[]> waivedDeaths = new TreeMap<>();
        Map<String, BigDecimal> waivedAmounts = new TreeMap<>();
        try (Stream<Death> all = deaths.between(division, from, to)) {
            all.filter(death -> !death.isRetracted()).forEach(death -> {
                counts[0]++;
                if (death.cremation() != null) {
                    counts[1]++;
                }
                Burial burial = death.burial();
                if (burial != null) {
                    burials.merge(burial.type(), 1L, Long::sum);
                    if (burial.type().eco()) {
                        counts[2]++;
                    }
                    if (burial.ecoReward()) {
                        BigDecimal reward = waivers.rules(death).ecoReward();
                        money[0] = money[0].add(reward == null ? BigDecimal.ZERO : reward);
                    }
                }
                FeeWaiver waiver = waivers.of(death);
                waiver.items().stream().filter(line -> line.waived().signum() > 0).forEach(line -> {
                    waivedDeaths.computeIfAbsent(line.item().name(), k -> new long[1])[0]++;
                    waivedAmounts.merge(line.item().name(), line.waived(), BigDecimal::add);
                });
                money[1] = money[1].add(waiver.waived());
            });
        }
        Map<String, Waived> byItem = new TreeMap<>();
        waivedDeaths.forEach((item, n) -> byItem.put(item, new Waived(n[0], waivedAmounts.get(item))));
        BigDecimal rate = counts[0] == 0 ? BigDecimal.ZERO.setScale(1) : BigDecimal.valueOf(counts[1] * 100)
                .divide(BigDecimal.valueOf(counts[0]), 1, RoundingMode.HALF_UP);
        return new Report(division.value(), from, to, counts[0], counts[1], rate, burials, counts[2], money[0],
                byItem, money[1], plots(division), relocations.movedByType(division, from, to));
    }

    private Map<Plot.Kind, Map<Plot.Status, Long>> plots(DivisionCode division) {
        Map<Plot.Kind, Map<Plot.Status, Long>> plots = new EnumMap<>(Plot.Kind.class);
        for (Cemetery cemetery : cemeteries.find(division, 0, 10_000)) {
            for (Plot.Kind kind : Plot.Kind.values()) {
                cemetery.counts(kind).forEach((status, n) -> plots.computeIfAbsent(kind,
                        k -> new EnumMap<>(Plot.Status.class)).merge(status, n, Long::sum));
            }
        }
        return plots;
    }
}
