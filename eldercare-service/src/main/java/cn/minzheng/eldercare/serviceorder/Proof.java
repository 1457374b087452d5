package cn.minzheng.eldercare.serviceorder;

import java.time.Duration;
import java.time.Instant;

/**
 * Proof that the service was given, before anything is reimbursed: check-in and check-out times and the place,
 * the elder's confirmation, and a photo reference (its SHA-256; the image itself is not stored here).
 */
public record Proof(Instant checkIn, Instant checkOut, String place, boolean elderConfirmed, String photoSha256,
        String recordedBy, Instant recordedAt) {

    public Duration served() {
        return Duration.between(checkIn, checkOut);
    }
}
