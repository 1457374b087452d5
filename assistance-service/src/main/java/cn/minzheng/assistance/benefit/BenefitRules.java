package cn.minzheng.assistance.benefit;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import cn.minzheng.assistance.money.Money;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The policy numbers a county sets and changes by notice, so they live in configuration, not code: category
 * add-ons (分类施保) as percentages of the standard, the extremely-poor multiplier and care shares, the asset test,
 * the small-amount limit for township-first temporary assistance, the gradual-exit months and the review cycles.
 *
 * @param addOns                 add-ons every county uses unless {@code countyAddOns} names its own
 * @param tekunMultiplier        extremely poor basic standard as a multiple of the dibao standard (law: >= 1.3)
 * @param care                   extremely poor care standard by self-care ability, as percentages of the standard
 * @param marginalCeiling        marginal households: per-capita income from S up to this multiple of S
 * @param temporaryPayFirstLimit temporary assistance up to this amount may be paid by the township first
 * @param gradualExitMonths      months a household keeps its payment after income from work lifts it above S
 */
@Validated
@ConfigurationProperties("minzheng.assistance.benefits")
public record BenefitRules(
        @Valid @NotNull AddOns addOns,
        Map<String, @Valid AddOns> countyAddOns,
        @NotNull @DecimalMin("1.3") BigDecimal tekunMultiplier,
        @Valid @NotNull CareShares care,
        @NotNull BigDecimal marginalCeiling,
        @Valid @NotNull AssetTest assetTest,
        @NotNull BigDecimal temporaryPayFirstLimit,
        @Min(0) int gradualExitMonths) {

    public BenefitRules {
        countyAddOns = countyAddOns == null ? Map.of() : Map.copyOf(countyAddOns);
    }

    public AddOns addOnsFor(String county) {
        return countyAddOns.getOrDefault(county, addOns);
    }

    public Money payFirstLimit() {
        return Money.of(temporaryPayFirstLimit);
    }

    /**
     * Percentages of the standard added per member who is elderly (60+), severely disabled (grade 1-2) or a minor,
     * and from which month an age counts ({@code ageCounting}: 次月 unless the county's rule says the birthday month;
     * the minor's add-on runs through the month of the 18th birthday either way).
     */
    public record AddOns(@NotNull @DecimalMin("0") BigDecimal elderlyPercent,
            @NotNull @DecimalMin("0") BigDecimal severeDisabilityPercent,
            @NotNull @DecimalMin("0") BigDecimal minorPercent, AgeCounting ageCounting) {

        public AddOns {
            ageCounting = AgeCounting.orDefault(ageCounting);
        }
    }

    public record CareShares(@NotNull BigDecimal fullPercent, @NotNull BigDecimal partialPercent,
            @NotNull BigDecimal nonePercent) {

        BigDecimal percentFor(SelfCare selfCare) {
            return switch (selfCare) {
                case FULL -> fullPercent;
                case PARTIAL -> partialPercent;
                case NONE -> nonePercent;
            };
        }
    }

    /**
     * @param depositMonths deposits may be at most this many months of the standard per member
     * @param maxVehicles   vehicles a household may own (commercial tools of trade excepted by the officer)
     * @param maxHouses     homes a household may own
     */
    public record AssetTest(@Min(0) int depositMonths, @Min(0) int maxVehicles, @Min(0) int maxHouses) {
    }
}
