package cn.minzheng.eldercare.meal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.minzheng.eldercare.support.AssistanceStatus;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 助餐补贴: per county, an amount per meal by age band (the highest band reached) and by monthly assistance
 * (低保, 特困), and how the two combine: the higher one (the default) or their sum. A county without its own rules
 * uses {@code defaults}.
 */
@ConfigurationProperties("minzheng.eldercare.meals")
public record MealSubsidyRules(Map<String, County> counties, County defaults) {

    public MealSubsidyRules {
        counties = counties == null ? Map.of() : Map.copyOf(counties);
        if (defaults == null) {
            defaults = new County(List.of(new AgeBand(60, new BigDecimal("2.00")),
                    new AgeBand(80, new BigDecimal("4.00")), new AgeBand(90, new BigDecimal("6.00"))),
                    Map.of(AssistanceStatus.Programme.DIBAO, new BigDecimal("5.00"),
                            AssistanceStatus.Programme.TEKUN, new BigDecimal("8.00")), Combine.HIGHER);
        }
    }

    public enum Combine {
        HIGHER, SUM
    }

    public record AgeBand(int minAge, BigDecimal amount) {
    }

    public record County(List<AgeBand> ageBands, Map<AssistanceStatus.Programme, BigDecimal> assistance,
            Combine combine) {

        public County {
            ageBands = ageBands == null ? List.of() : ageBands.stream()
                    .sorted(Comparator.comparingInt(AgeBand::minAge)).toList();
            assistance = assistance == null ? Map.of() : Map.copyOf(assistance);
            combine = combine == null ? Combine.HIGHER : combine;
        }

        /** The amount of the highest age band reached, or zero below the lowest. */
        public BigDecimal forAge(int age) {
            return ageBands.stream().filter(b -> age >= b.minAge()).map(AgeBand::amount)
                    .reduce((lower, higher) -> higher).orElse(BigDecimal.ZERO);
        }

        public BigDecimal forAssistance(List<AssistanceStatus.Programme> programmes) {
            return programmes.stream().map(p -> assistance.getOrDefault(p, BigDecimal.ZERO))
                    .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }

        public BigDecimal combine(BigDecimal byAge, BigDecimal byAssistance) {
            return combine == Combine.SUM ? byAge.add(byAssistance) : byAge.max(byAssistance);
        }

        public int youngestEligibleAge() {
            return ageBands.isEmpty() ? Integer.MAX_VALUE : ageBands.getFirst().minAge();
        }
    }

    public County of(DivisionCode division) {
        return counties.getOrDefault(division.value().substring(0, 6), defaults);
    }
}
