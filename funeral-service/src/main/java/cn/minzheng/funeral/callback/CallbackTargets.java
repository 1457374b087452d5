package cn.minzheng.funeral.callback;

import java.net.InetAddress;
import java.net.UnknownHostException;

import cn.minzheng.platform.refusal.Refusal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a callback may go (SSRF guard): a clean http(s) URL ({@link CallbackUrl}) under the client's registered
 * prefixes, whose host resolves only to public addresses. Loopback is allowed only on the ports the dev or test stack
 * reserves for its receivers ({@code minzheng.funeral.callbacks.loopback-ports}, e.g. {@code 18700-18799}; never under
 * the prod profile: the service refuses to start), so no allow-list can aim callbacks at the platform's own ports;
 * private, link-local, wildcard and multicast addresses never are.
 */
@Component
public class CallbackTargets {

    private final int firstLoopbackPort;
    private final int lastLoopbackPort;

    CallbackTargets(@Value("${minzheng.funeral.callbacks.loopback-ports:}") String loopbackPorts,
            Environment environment) {
        if (!loopbackPorts.isBlank() && environment.matchesProfiles("prod")) {
            throw new IllegalStateException("minzheng.funeral.callbacks.loopback-ports is for dev and test stacks");
        }
        String[] range = loopbackPorts.isBlank() ? new String[] {"1", "0"} : loopbackPorts.strip().split("-", 2);
        this.firstLoopbackPort = Integer.parseInt(range[0].strip());
        this.lastLoopbackPort = Integer.parseInt((range.length > 1 ? range[1] : range[0]).strip());
    }

    /** 400 naming the field unless the client may be called back at the URL. */
    public void requireAllowed(String url, CallbackClient client) {
        requireAllowed(url, client, "callbackUrl");
    }

    public void requireAllowed(String url, CallbackClient client, String field) {
        if (client == null || !client.allows(url)) {
            throw Refusal.invalid("invalid-request").as("callback-not-allowed").on(field);
        }
        requirePublic(url, field);
    }

    public void requirePublic(String url) {
        requirePublic(url, "callbackUrl");
    }

    /** Checked at registration and again before each delivery (a name may resolve elsewhere later). */
    public void requirePublic(String url, String field) {
        CallbackUrl target = CallbackUrl.parse(url)
                .orElseThrow(() -> Refusal.invalid("invalid-request").as("callback-not-allowed").on(field));
        boolean receiverPort = target.port() >= firstLoopbackPort && target.port() <= lastLoopbackPort;
        try {
            for (InetAddress address : InetAddress.getAllByName(target.host())) {
                boolean loopback = address.isLoopbackAddress();
                if (loopback && !receiverPort || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                    throw Refusal.invalid("invalid-request").as("callback-address-refused").on(field);
                }
            }
        } catch (UnknownHostException unknown) {
            throw Refusal.invalid("invalid-request").as("callback-address-refused").on(field);
        }
    }

    /** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
