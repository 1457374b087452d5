package cn.minzheng.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.RequestIdFilter;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Writes audit entries for the current request's caller: who, with which roles and division, and its request id. */
public class Auditor {

    static final String SUBJECTS = Auditor.class.getName() + ".subjects";
    static final String RESOURCE_ID = Auditor.class.getName() + ".resourceId";

    private final AuditTrail trail;
    private final Clock clock;

    public Auditor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    public void record(String action, String resourceType, String resourceId, String outcome, String subjectRef) {
        Optional<Caller> caller = currentCaller();
        trail.append(new AuditEntry(Instant.now(clock), caller.map(Caller::username).orElse(null),
                caller.map(Caller::sortedRoles).orElse(List.of()), caller.flatMap(Caller::division).orElse(null),
                action, resourceType, resourceId, outcome, currentRequestId(), subjectRef));
    }

    /** Who a request without a valid token is on the trail: no user is known. */
    public static final String UNAUTHENTICATED = "(unauthenticated)";

    /** What an auditor reads for requests refused before a caller was known: one fact per reason and address. */
    public static final String REFUSED_UNAUTHENTICATED = "REFUSED_UNAUTHENTICATED";

    /**
     * Requests refused before any caller was known (a forged, tampered or expired token; a login-free write that
     * did not come through the gateway): {@code count} of them for one reason from one client address in the
     * period starting {@code periodStart}.
     */
    public void refusedUnauthenticated(Instant periodStart, String reason, String clientAddress, long count) {
        trail.append(new AuditEntry(periodStart, UNAUTHENTICATED, List.of(), null, REFUSED_UNAUTHENTICATED, reason,
                clientAddress, "401", null, null, count));
    }

    /** Set on a request whose refusal is on the trail already, so that it is recorded once. */
    public static final String DENIAL_AUDITED = Auditor.class.getName() + ".denialAudited";

    /** A refused attempt (wrong role, outside the division, not the person's own record). */
    public void denied(String action, String resourceType, String resourceId) {
        record(action, resourceType, resourceId, "DENIED", null);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.getRequest().setAttribute(DENIAL_AUDITED, Boolean.TRUE);
        }
    }

    /** Whether the request being served has had its refusal audited. */
    public static boolean denialAudited(HttpServletRequest request) {
        return request.getAttribute(DENIAL_AUDITED) != null;
    }

    /** A full, unmasked read of a person's data: always audited, and visible to that person. */
    public void personalDataRead(String resourceType, String resourceId, String subjectRef) {
        record("READ_FULL_PERSONAL_DATA", resourceType, resourceId, "200", subjectRef);
    }

    /**
     * Names the people a state-changing request concerns (their personRefs) and the resource it created, so that
     * the request's audit record shows up in each person's {@code /me/data-usage}.
     */
    public void concerning(String resourceId, Collection<String> personRefs) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            if (resourceId != null) {
                request.setAttribute(RESOURCE_ID, resourceId);
            }
            @SuppressWarnings("unchecked")
            Set<String> subjects = (Set<String>) request.getAttribute(SUBJECTS);
            if (subjects == null) {
                subjects = new LinkedHashSet<>();
                request.setAttribute(SUBJECTS, subjects);
            }
            subjects.addAll(personRefs);
        }
    }

    static Optional<Caller> currentCaller() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.of(Caller.from(token.getToken())) : Optional.empty();
    }

    private static String currentRequestId() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? requestId(attributes.getRequest()) : null;
    }

    static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
