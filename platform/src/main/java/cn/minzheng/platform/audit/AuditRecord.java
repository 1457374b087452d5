package cn.minzheng.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One link of the chain. {@code hash} covers every field and the previous record's hash, so changing or removing
 * any record breaks every link after it. Sequence numbers leave no gaps, so a removed last record is seen too
 * (against the count an auditor noted).
 *
 * @param subjectRef personRef of the person whose data was read or changed, if any (for /me/data-usage)
 * @param count how many times a counted fact happened in the period from {@code at}; null for a single event
 */
@Document("audit")
public record AuditRecord(@Id long sequence, Instant at, String actor, List<String> roles, String division,
        String action, String resourceType, String resourceId, String outcome, String requestId, String subjectRef,
        Long count, String previousHash, String hash) {

    static final String GENESIS = "genesis";

    static AuditRecord chain(long sequence, String previousHash, AuditEntry entry) {
        String hash = hash(sequence, previousHash, entry);
        return new AuditRecord(sequence, entry.at(), entry.actor(), entry.roles(), entry.division(), entry.action(),
                entry.resourceType(), entry.resourceId(), entry.outcome(), entry.requestId(), entry.subjectRef(),
                entry.count(), previousHash, hash);
    }

    boolean hashMatches() {
        return hash.equals(hash(sequence, previousHash, new AuditEntry(at, actor, roles, division, action,
                resourceType, resourceId, outcome, requestId, subjectRef, count)));
    }

    private static String hash(long sequence, String previousHash, AuditEntry e) {
        String canonical = String.join("\u001f", Long.toString(sequence), previousHash, e.at().toString(),
                e.actor(), String.join(",", e.roles()), nullable(e.division()), e.action(),
                nullable(e.resourceType()), nullable(e.resourceId()), e.outcome(), nullable(e.requestId()),
                nullable(e.subjectRef()))
                // Records written before counted facts existed have no count: their hash stays what it was.
                + (e.count() == null ? "" : "\u001f" + e.count());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }
}
