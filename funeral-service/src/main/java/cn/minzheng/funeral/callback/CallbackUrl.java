package cn.minzheng.funeral.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A callback URL as parsed and normalised, never compared as a string: scheme (http or https), host (lower case),
 * port (the scheme's default when none is given) and whole path segments. What could make the same string mean
 * another target to some HTTP client is refused outright: user info, a fragment, dot segments (also percent-encoded),
 * encoded slashes, backslashes and {@code @} in the path.
 */
record CallbackUrl(String scheme, String host, int port, List<String> segments) {

    /** The URL parsed, or empty when it is no callback URL of ours. */
    static java.util.Optional<CallbackUrl> parse(String raw) {
        if (raw == null || raw.indexOf('\\') >= 0) {
            return java.util.Optional.empty();
        }
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.isOpaque()) {
                return java.util.Optional.empty();
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            // Compared decoded, so that an encoded letter is the letter it encodes.
            List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                    .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
            for (String segment : segments) {
                if (".".equals(segment) || "..".equals(segment) || segment.contains("/") || segment.contains("@")
                        || segment.contains("\\")) {
                    return java.util.Optional.empty();
                }
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return java.util.Optional.of(new CallbackUrl(scheme, uri.getHost().toLowerCase(Locale.ROOT), port,
                    segments));
        } catch (URISyntaxException | IllegalArgumentException malformed) {
            return java.util.Optional.empty();
        }
    }

    /** Whether this URL lies under {@code prefix}: same scheme, host and port; its segments begin with the prefix's. */
    boolean under(CallbackUrl prefix) {
        return scheme.equals(prefix.scheme) && host.equals(prefix.host) && port == prefix.port
                && segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }
}
