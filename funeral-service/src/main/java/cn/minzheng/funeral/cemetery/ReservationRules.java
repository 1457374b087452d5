package cn.minzheng.funeral.cemetery;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a plot may be reserved for a living person (寿墓), by county ({@code minzheng.funeral.reservations.allowed},
 * keyed by the six-digit county code, "" for every county without its own entry): the grounds the county accepts.
 * No entry means none: pre-purchase for the living is refused unless a county's rules allow it.
 */
@ConfigurationProperties("minzheng.funeral.reservations")
public record ReservationRules(Map<String, List<Ground>> allowed) {

    public enum Ground {
        /** The surviving spouse of someone buried in that cemetery, next to them (夫妻合葬). */
        SURVIVING_SPOUSE
    }

    public boolean allows(String county, Ground ground) {
        if (allowed == null) {
            return false;
        }
        List<Ground> grounds = allowed.containsKey(county) ? allowed.get(county) : allowed.get("");
        return grounds != null && grounds.contains(ground);
    }
}
