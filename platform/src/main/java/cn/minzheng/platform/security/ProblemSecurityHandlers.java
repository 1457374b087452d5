package cn.minzheng.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.problem.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, like every other error; never a login page or an empty body. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;
    private final Auditor auditor;
    private final RefusedRequests refusedRequests;

    ProblemSecurityHandlers(ProblemResponses problems, Auditor auditor, RefusedRequests refusedRequests) {
        this.problems = problems;
        this.auditor = auditor;
        this.refusedRequests = refusedRequests;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean badToken = e instanceof InvalidBearerTokenException
                || e.getClass().getSimpleName().startsWith("OAuth2");
        if (badToken) {
            refusedRequests.refused(request.getRemoteAddr(), e);
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = badToken
                ? "The bearer token is invalid, expired or not issued for this platform."
                : "A bearer token is required.";
        problems.write(request, response,
                problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail, request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        // An authenticated caller tried what their role does not allow: that attempt is on the record.
        auditor.denied(request.getMethod() + " " + request.getRequestURI(), null, null);
        problems.write(request, response, problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this request.", request));
    }

    /** A login-free write straight to the service's port: it must come through the gateway, which limits them. */
    void throughGatewayOnly(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, problems.problem(HttpStatus.FORBIDDEN, "through-gateway-only",
                "Through the gateway only", "Submissions without login are accepted through the platform's "
                        + "gateway only.", request));
    }
}
