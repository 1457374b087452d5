package cn.minzheng.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A login-free write (a citizen's objection, a tip-off) is accepted only when it came through the gateway, which
 * limits them per client address: the gateway marks each one it lets through with the key the two share
 * ({@value #HEADER}, {@code minzheng.gateway.key}), and strips the header from anything a client sends. Straight
 * to a service's port, a login-free write is refused with 403 {@code through-gateway-only} and counted on the
 * trail like a refused token, so a flood that goes round the gateway neither reaches validation nor fills the
 * trail. Without a key configured, every login-free write is refused: the service fails closed.
 * Writes with a token are someone's, checked and audited as such; this filter leaves them alone.
 */
final class ThroughGatewayOnly extends OncePerRequestFilter {

    public static final String HEADER = "X-Minzheng-Gateway";

    private final List<RequestMatcher> loginFreeWrites;
    private final byte[] key;
    private final ProblemSecurityHandlers problems;
    private final RefusedRequests refused;

    ThroughGatewayOnly(List<String> loginFreeWritePaths, String key, ProblemSecurityHandlers problems,
            RefusedRequests refused) {
        this.loginFreeWrites = loginFreeWritePaths.stream().<RequestMatcher>map(
                path -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path)).toList();
        this.key = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
        this.refused = refused;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || !loginFree(request) || marked(request)) {
            chain.doFilter(request, response);
            return;
        }
        refused.refused(request.getRemoteAddr(), RefusedRequests.NOT_THROUGH_GATEWAY);
        problems.throughGatewayOnly(request, response);
    }

    private boolean loginFree(HttpServletRequest request) {
        return loginFreeWrites.stream().anyMatch(matcher -> matcher.matches(request));
    }

    private boolean marked(HttpServletRequest request) {
        String mark = request.getHeader(HEADER);
        // constant time: the key is a secret a caller could otherwise guess byte by byte
        return key != null && mark != null && MessageDigest.isEqual(key, mark.getBytes(StandardCharsets.UTF_8));
    }
}
