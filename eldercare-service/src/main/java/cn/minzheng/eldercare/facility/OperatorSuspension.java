package cn.minzheng.eldercare.facility;

import java.time.LocalDate;

/**
 * The facility's operator lost its registration (orgs-service revoked it): the facility is flagged
 * SUSPENDED_OPERATOR for the officers, from the day of the revocation, until a new operator takes over.
 */
public record OperatorSuspension(LocalDate revokedOn, String reason, String eventId) {
}
