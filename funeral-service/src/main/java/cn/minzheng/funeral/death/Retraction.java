package cn.minzheng.funeral.death;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The retraction of a death recorded in error: proposed by one funeral officer, confirmed by another (four eyes),
 * then each office's report of what it reversed by itself and what needs a person to act (for example a
 * re-admission to a care home whose bed has been given to someone else).
 */
public record Retraction(String reason, String proposedBy, Instant proposedAt, String confirmedBy,
        Instant confirmedAt, List<OfficeReversal> offices) {

    public Retraction {
        offices = offices == null ? List.of() : List.copyOf(offices);
    }

    /** One office's report: what it undid, and what it left for a person, each as a code with a reference. */
    public record OfficeReversal(String office, List<Item> reversed, List<Item> actionsNeeded, Instant reportedAt) {

        public OfficeReversal {
            reversed = reversed == null ? List.of() : List.copyOf(reversed);
            actionsNeeded = actionsNeeded == null ? List.of() : List.copyOf(actionsNeeded);
        }
    }

    /** A code (e.g. MARRIAGE_RESTORED, READMISSION_NEEDED) and the record it concerns. */
    public record Item(String code, String ref) {
    }

    static Retraction proposed(String reason, String by, Instant at) {
        return new Retraction(reason, by, at, null, null, List.of());
    }

    Retraction confirmed(String by, Instant at) {
        return new Retraction(reason, proposedBy, proposedAt, by, at, offices);
    }

    Retraction with(OfficeReversal report) {
        List<OfficeReversal> all = new ArrayList<>(offices);
        all.add(report);
        return new Retraction(reason, proposedBy, proposedAt, confirmedBy, confirmedAt, all);
    }
}
