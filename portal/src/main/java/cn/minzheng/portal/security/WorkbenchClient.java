package cn.minzheng.portal.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The portal's own confidential client in the realm. Built here rather than by discovery, so the portal starts while
 * Keycloak is still starting (as the services do), and so the browser's address of Keycloak and the portal's own can
 * differ (a cluster's ingress and its internal service).
 */
@ConfigurationProperties("minzheng.workbench")
public record WorkbenchClient(String issuerUri, String backchannelIssuerUri, String clientId, String clientSecret) {

    public static final String REGISTRATION_ID = "keycloak";

    ClientRegistration registration() {
        String browser = issuerUri + "/protocol/openid-connect";
        String backchannel = backchannelIssuerUri + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .authorizationUri(browser + "/auth")
                .tokenUri(backchannel + "/token")
                .jwkSetUri(backchannel + "/certs")
                .userInfoUri(backchannel + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(issuerUri)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/logout"))
                .clientName("民政统一身份认证")
                .build();
    }

    /** The origin browsers are sent to for login and logout, allowed as a form target by the CSP. */
    String browserOrigin() {
        java.net.URI uri = java.net.URI.create(issuerUri);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
