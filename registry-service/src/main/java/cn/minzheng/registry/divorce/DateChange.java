package cn.minzheng.registry.divorce;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A legal date of the application recalculated after it was given: moved later ({@code to} after {@code from}), or
 * kept because the new calculation ({@code calculated}) would have shortened a period already given to the couple.
 *
 * @param date       which date: {@code coolingOffEnds} or {@code certificateDeadline}
 * @param reason     why it was recalculated, e.g. {@code schedule:2027} or {@code closure:2027-02-03}
 */
public record DateChange(Instant at, String date, LocalDate from, LocalDate to, LocalDate calculated, String reason) {

    public boolean kept() {
        return from.equals(to);
    }
}
