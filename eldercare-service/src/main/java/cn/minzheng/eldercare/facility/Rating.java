package cn.minzheng.eldercare.facility;

import java.time.Instant;
import java.time.LocalDate;

/** 等级评定 (GB/T 37276): stars from 1 to 5, as rated on a day, and who entered it. */
public record Rating(int stars, LocalDate ratedOn, String by, Instant at) {
}
