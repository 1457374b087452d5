package cn.minzheng.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An endpoint's {@code @PreAuthorize} rule, checked before its arguments are bound. Method security alone runs
 * after binding and validation, so a citizen posting {@code {}} to an officer's endpoint got a 400 listing the
 * required fields instead of a 403. Rules that name method arguments ({@code #id}) are left to method security,
 * which still checks every rule after binding as well.
 */
final class RolesBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && EndpointRoles.expression(method).filter(rule -> !rule.contains("#")).isPresent()) {
            var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod(),
                    new Object[method.getMethod().getParameterCount()]);
            AuthorizationResult result = rules.authorize(
                    () -> SecurityContextHolder.getContext().getAuthentication(), invocation);
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("The endpoint's role rule refused the caller.");
            }
        }
        return true;
    }
}
