package cn.minzheng.platform.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What happened, before it is chained: who (with roles and division), did what, to what, with what outcome.
 *
 * @param count how many times it happened in the period starting {@code at}, for a fact counted rather than
 *        written once per occurrence (refused tokens); null for a single event
 */
public record AuditEntry(Instant at, String actor, List<String> roles, String division, String action,
        String resourceType, String resourceId, String outcome, String requestId, String subjectRef, Long count) {

    public AuditEntry(Instant at, String actor, List<String> roles, String division, String action,
            String resourceType, String resourceId, String outcome, String requestId, String subjectRef) {
        this(at, actor, roles, division, action, resourceType, resourceId, outcome, requestId, subjectRef, null);
    }

    public AuditEntry {
        roles = roles == null ? List.of() : List.copyOf(roles);
        // MongoDB keeps milliseconds; the hash must cover exactly what is stored.
        at = at.truncatedTo(ChronoUnit.MILLIS);
        actor = actor == null ? "anonymous" : actor;
    }
}
