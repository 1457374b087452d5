package cn.minzheng.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * The role rule an endpoint declares with {@code @PreAuthorize}, on the method or its controller. Read by the
 * check that runs before the body is bound ({@link RolesBeforeBinding}) and by the OpenAPI document
 * ({@code x-roles}), so both say what the annotation says.
 */
public final class EndpointRoles {

    private static final Pattern ROLE = Pattern.compile("'([^']+)'");

    private EndpointRoles() {
    }

    public static Optional<String> expression(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        return Optional.ofNullable(rule).map(PreAuthorize::value);
    }

    /** The roles of a rule made only of {@code hasRole}/{@code hasAnyRole}; empty for any other rule. */
    public static List<String> roles(HandlerMethod handler) {
        return expression(handler).filter(rule -> rule.matches("\\s*has(Any)?Role\\([^)]*\\)\\s*"))
                .map(rule -> {
                    Matcher matcher = ROLE.matcher(rule);
                    List<String> roles = new ArrayList<>();
                    while (matcher.find()) {
                        roles.add(matcher.group(1));
                    }
                    return List.copyOf(roles);
                }).orElse(List.of());
    }
}
