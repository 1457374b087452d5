package cn.minzheng.funeral.fee;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.minzheng.funeral.death.ServiceItem;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each county's fee catalogue and waiver rules ({@code minzheng.funeral.fees}, defaults plus per-county
 * overrides): prices per item, the basic items waived for residents (cold storage up to a number of days), the
 * further items waived for dibao and extremely-poor households, and the eco-burial reward.
 */
@ConfigurationProperties("minzheng.funeral.fees")
public record FeeRules(County defaults, Map<String, County> counties) {

    public FeeRules {
        counties = counties == null ? Map.of() : Map.copyOf(counties);
    }

    public record County(Map<ServiceItem, BigDecimal> prices, Set<ServiceItem> basicForResidents,
            Integer coldStorageDaysWaived, Set<ServiceItem> furtherForPoor, List<String> poorProgrammes,
            BigDecimal ecoReward) {
    }

    /** The county's rules: its own values where it set them, the defaults elsewhere. */
    public County of(String county) {
        County own = counties.get(county);
        if (own == null) {
            return defaults;
        }
        return new County(own.prices() != null ? own.prices() : defaults.prices(),
                own.basicForResidents() != null ? own.basicForResidents() : defaults.basicForResidents(),
                own.coldStorageDaysWaived() != null ? own.coldStorageDaysWaived() : defaults.coldStorageDaysWaived(),
                own.furtherForPoor() != null ? own.furtherForPoor() : defaults.furtherForPoor(),
                own.poorProgrammes() != null ? own.poorProgrammes() : defaults.poorProgrammes(),
                own.ecoReward() != null ? own.ecoReward() : defaults.ecoReward());
    }
}
