package cn.minzheng.portal.gateway;

import cn.minzheng.portal.security.WorkbenchClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A controller's {@link Caller} parameter: the person's access token from the session (refreshed there when it has
 * expired) and the page's language. Without a usable token the person is sent to log in again.
 */
@Component
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final OAuth2AuthorizedClientManager clients;

    CallerArgumentResolver(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(WorkbenchClient.REGISTRATION_ID)
                    .principal(person)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response)
                    .build());
        } catch (OAuth2AuthorizationException e) {
            // The refresh token was refused (the Keycloak session ended): log in again.
            client = null;
        }
        if (client == null) {
            throw new ClientAuthorizationRequiredException(WorkbenchClient.REGISTRATION_ID);
        }
        return new Caller(client.getAccessToken().getTokenValue(), RequestContextUtils.getLocale(request));
    }
}
