package cn.minzheng.funeral.callback;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import cn.minzheng.platform.refusal.Refusal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a callback may go (SSRF guard): an http(s) URL under the client's registered prefixes, whose host resolves
 * only to public addresses. Loopback is allowed only where the dev or test stack says so (never under the prod
 * profile: the service refuses to start); private, link-local, wildcard and multicast addresses never are.
 */
@Component
public class CallbackTargets {

    private final boolean allowLoopback;

    CallbackTargets(@Value("${minzheng.funeral.callbacks.allow-loopback:false}") boolean allowLoopback,
            Environment environment) {
        if (allowLoopback && environment.matchesProfiles("prod")) {
            throw new IllegalStateException("minzheng.funeral.callbacks.allow-loopback is for dev and test stacks");
        }
        this.allowLoopback = allowLoopback;
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
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw Refusal.invalid("invalid-request").as("callback-not-allowed").on(field);
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw Refusal.invalid("invalid-request").as("callback-not-allowed").on(field);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                boolean loopback = address.isLoopbackAddress();
                if (loopback && !allowLoopback || address.isSiteLocalAddress() || address.isLinkLocalAddress()
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
