package cn.minzheng.platform.authz;

import java.util.Collection;
import java.util.Optional;

import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.InvalidIdentifierException;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;

/**
 * The checks every endpoint makes after its role check, in one place so that every service refuses (and audits)
 * the same way: an officer acts only inside the division in their token (a county officer on every township of
 * the county), a citizen sees only their own records. (Four-eyes is a rule of the aggregates that have a second
 * decision.)
 */
public class Authorization {

    private final Auditor auditor;

    public Authorization(Auditor auditor) {
        this.auditor = auditor;
    }

    /** 403, audited, unless the record's division lies inside the caller's. */
    public void requireDivision(Caller caller, DivisionCode recordDivision, String resourceType, String resourceId) {
        if (divisionOf(caller).filter(own -> own.contains(recordDivision)).isEmpty()) {
            throw outside(resourceType, resourceId);
        }
    }

    /**
     * The division a list or statistics query covers: the one asked for if it lies inside the caller's, else the
     * caller's own. Asking for a division outside one's own is a 403, audited, like touching a record there.
     */
    public DivisionCode scope(Caller caller, DivisionCode requested, String resourceType) {
        DivisionCode own = divisionOf(caller).orElse(null);
        if (requested == null && own != null) {
            return own;
        }
        if (own == null || requested == null) {
            throw outside(resourceType, requested == null ? null : requested.value());
        }
        if (!own.contains(requested)) {
            throw outside(resourceType, requested.value());
        }
        return requested;
    }

    private Refusal outside(String resourceType, String resourceId) {
        auditor.denied("OUTSIDE_DIVISION", resourceType, resourceId);
        return Refusal.forbidden("outside-division");
    }

    /**
     * 404, audited, unless the citizen calling (by the personRef of the ID number in their token) is one of the
     * record's people: a citizen must not learn that another person's record exists.
     */
    public void requireOwnRecord(String citizenRef, Collection<String> recordRefs, String resourceType,
            String resourceId) {
        if (!recordRefs.contains(citizenRef)) {
            auditor.denied("NOT_OWN_RECORD", resourceType, resourceId);
            throw Refusal.notFound("not-found").as("not-found.record");
        }
    }

    private static Optional<DivisionCode> divisionOf(Caller caller) {
        try {
            return caller.division().map(DivisionCode::of);
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }
}
