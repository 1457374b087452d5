package cn.minzheng.registry.office;

import java.time.Instant;
import java.time.LocalDate;

/** A day an office declared open or closed outside its usual days, why, and who declared it when. */
public record DayNote(LocalDate date, String note, String by, Instant at) {
}
