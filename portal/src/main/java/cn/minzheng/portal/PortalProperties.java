package cn.minzheng.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway is and how long the portal waits for it.
 *
 * @param gatewayUrl  the gateway's base address; every call goes there, with the person's token
 * @param callTimeout how long one call may take before its card is greyed out or its page says the office is busy
 */
@ConfigurationProperties("minzheng.portal")
public record PortalProperties(String gatewayUrl, Duration callTimeout) {

    public PortalProperties {
        callTimeout = callTimeout == null ? Duration.ofSeconds(3) : callTimeout;
    }
}
