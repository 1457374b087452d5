package cn.minzheng.funeral.cemetery;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The largest plot a division allows ({@code minzheng.funeral.plot-size-limits}): the national rule (≤ 1 m²) under
 * the key "", tightened by provinces or counties under their code prefix (e.g. "32": 0.70); the longest prefix
 * of a cemetery's division wins.
 */
@ConfigurationProperties("minzheng.funeral")
public record PlotSizeLimits(Map<String, BigDecimal> plotSizeLimits) {

    public BigDecimal limitFor(String division) {
        String best = "";
        BigDecimal limit = plotSizeLimits == null ? BigDecimal.ONE : plotSizeLimits.getOrDefault("", BigDecimal.ONE);
        if (plotSizeLimits != null) {
            for (var entry : plotSizeLimits.entrySet()) {
                if (division.startsWith(entry.getKey()) && entry.getKey().length() > best.length()) {
                    best = entry.getKey();
                    limit = entry.getValue();
                }
            }
        }
        return limit;
    }
}
