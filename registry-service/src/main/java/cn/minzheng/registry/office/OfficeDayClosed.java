package cn.minzheng.registry.office;

import java.time.LocalDate;

/**
 * In-process notice that an office declared a day closed, after the office was saved. The features with work on
 * that day react in the same request: bookings are cancelled, divorce deadlines on that day move. It is published
 * again when the same closure is declared again, so a request that failed half-way can be repeated.
 */
public record OfficeDayClosed(String officeId, LocalDate date) {
}
