package cn.minzheng.eldercare.access;

import java.util.Optional;

import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A facility's own staff ({@code facility-operator}) act only on their facility: its id is a user attribute in the
 * realm that Keycloak maps into the token as {@code facility_id}. Officers act by division instead.
 */
public final class FacilityStaff {

    public static final String ROLE = "facility-operator";
    static final String CLAIM = "facility_id";

    private FacilityStaff() {
    }

    /** The facility of a facility operator's token; empty for anyone else. */
    public static Optional<String> facilityOf(Jwt jwt) {
        return hasRole(jwt) ? Optional.ofNullable(jwt.getClaimAsString(CLAIM)) : Optional.empty();
    }

    /**
     * Whether the caller is of the roles that act on facilities and their residents (admission, reassessment,
     * discharge): eldercare officers and facility staff, as the controllers' {@code ACTORS} allow; the reads'
     * {@code actions} are offered to them only.
     */
    public static boolean mayAct(Jwt jwt) {
        Caller caller = Caller.from(jwt);
        return caller.hasRole("eldercare-officer") || caller.hasRole(ROLE);
    }

    public static boolean hasRole(Jwt jwt) {
        return Caller.from(jwt).hasRole(ROLE);
    }

    /**
     * The facility, if the caller may act on it: its own staff (403 {@code other-facility} otherwise) or staff of
     * its division (403 {@code outside-division}, audited, otherwise).
     */
    public static Facility requireAccess(Jwt jwt, Facility facility, Authorization authorization) {
        if (hasRole(jwt)) {
            requireOwn(jwt, facility.id());
        } else {
            authorization.requireDivision(Caller.from(jwt), facility.division(), "facility", facility.id());
        }
        return facility;
    }

    /** 403 {@code other-facility} unless the operator's token names this facility. */
    public static void requireOwn(Jwt jwt, String facilityId) {
        if (!facilityOf(jwt).map(facilityId::equals).orElse(false)) {
            throw Refusal.forbidden("other-facility", facilityId);
        }
    }
}
