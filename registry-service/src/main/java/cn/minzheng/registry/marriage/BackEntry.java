package cn.minzheng.registry.marriage;

import java.time.Instant;

/** Where a record entered from the old paper or system archives came from, and who entered it when. */
public record BackEntry(String provenance, String enteredBy, Instant enteredAt) {
}
