package cn.minzheng.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway is and how long the portal waits for it.
 *
 * @param gatewayUrl  the gateway's base address; every call goes there, with the person's token
 * @param callTimeout how long one call may take before its card is greyed out or its page says the office is busy
 * @param portalKey   shared with the gateway: sent with a citizen's call, so the gateway takes the citizen's address
 *                    the portal forwards as the client's (a secret; unset, the gateway counts the portal as one client)
 * @param publicDivision the county whose public pages this portal shows first (the notice board's, the finder's)
 */
@ConfigurationProperties("minzheng.portal")
public record PortalProperties(String gatewayUrl, Duration callTimeout, String portalKey, String publicDivision) {

    public PortalProperties {
        callTimeout = callTimeout == null ? Duration.ofSeconds(3) : callTimeout;
    }
}
