package cn.minzheng.funeral.death;

import java.time.LocalDate;

/** One service given for a death: what, how many (trips, days), when, and who recorded it. */
public record ServiceRecord(ServiceItem item, int quantity, LocalDate on, String recordedBy) {
}
