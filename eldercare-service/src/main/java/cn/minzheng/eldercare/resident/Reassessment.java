package cn.minzheng.eldercare.resident;

import java.time.Instant;
import java.time.LocalDate;

/** One ability assessment of a resident: at admission or later, by whom, and the care level it set. */
public record Reassessment(LocalDate assessedOn, AbilityLevel abilityLevel, AbilityLevel.CareLevel careLevel,
        String by, Instant at) {
}
