package cn.minzheng.platform.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Audits every state-changing request that reached a controller, whatever its outcome: action is the method and
 * the endpoint's pattern ({@code POST /api/assistance/applications/{id}/approval}), resource the path segment
 * after the service and the {@code id} variable.
 */
class AuditInterceptor implements HandlerInterceptor {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Auditor auditor;
    private final String apiPrefix;

    AuditInterceptor(Auditor auditor, String serviceName) {
        this.auditor = auditor;
        this.apiPrefix = "/api/" + serviceName + "/";
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = pattern != null ? pattern.toString() : request.getRequestURI();
        String action = request.getMethod() + " " + path;
        String status = Integer.toString(response.getStatus());
        Object created = request.getAttribute(Auditor.RESOURCE_ID);
        String resourceId = created != null ? created.toString() : resourceId(request);
        // One record per person concerned, so each finds it in their data usage; one record when nobody is named.
        Object subjects = request.getAttribute(Auditor.SUBJECTS);
        if (subjects instanceof Collection<?> refs && !refs.isEmpty()) {
            refs.forEach(ref -> auditor.record(action, resourceType(path), resourceId, status, ref.toString()));
        } else {
            auditor.record(action, resourceType(path), resourceId, status, null);
        }
    }

    private String resourceType(String path) {
        if (!path.startsWith(apiPrefix)) {
            return null;
        }
        String rest = path.substring(apiPrefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String resourceId(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get("id") != null ? map.get("id").toString() : null;
    }
}
