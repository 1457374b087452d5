package cn.minzheng.platform.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * W3C trace context ({@code traceparent: 00-<trace id>-<span id>-<flags>}), carried from the HTTP request that
 * changed something into the events it caused (a Kafka header) and on into what consumers do with them, so one
 * trace id follows a story across services and shows in every log line ({@code traceId} in the log context).
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    static final String MDC_TRACEPARENT = "traceparent";
    static final String MDC_TRACE_ID = "traceId";
    private static final Pattern VALID = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    /** The current traceparent of this thread's work, if any. */
    public static String current() {
        return MDC.get(MDC_TRACEPARENT);
    }

    /**
     * Continues the incoming trace with a new span of our own, or starts a trace when the caller sent none (or one
     * that is not well formed).
     */
    public static String continueOrStart(String incoming) {
        String traceId = incoming != null && VALID.matcher(incoming).matches() ? incoming.substring(3, 35)
                : hex(16);
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    public static void enter(String traceparent) {
        MDC.put(MDC_TRACEPARENT, traceparent);
        MDC.put(MDC_TRACE_ID, traceparent.substring(3, 35));
    }

    public static void leave() {
        MDC.remove(MDC_TRACEPARENT);
        MDC.remove(MDC_TRACE_ID);
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
