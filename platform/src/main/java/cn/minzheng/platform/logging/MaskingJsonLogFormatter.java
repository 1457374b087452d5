package cn.minzheng.platform.logging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.platform.personal.Masking;

import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Structured JSON logs (ECS field names) with personal numbers masked in the message and the stack trace. Select
 * it with {@code logging.structured.format.console=cn.minzheng.platform.logging.MaskingJsonLogFormatter}; Spring
 * Boot's own ECS formatter would write messages as they are.
 */
public class MaskingJsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String service;

    public MaskingJsonLogFormatter(Environment environment) {
        this.service = environment.getProperty("spring.application.name", "minzheng");
    }

    @Override
    public String format(ILoggingEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.put("log.level", event.getLevel().toString());
        line.put("log.logger", event.getLoggerName());
        line.put("process.thread.name", event.getThreadName());
        line.put("service.name", service);
        String requestId = event.getMDCPropertyMap().get("requestId");
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        String traceId = event.getMDCPropertyMap().get("traceId");
        if (traceId != null) {
            line.put("trace.id", traceId);
        }
        line.put("message", Masking.maskText(event.getFormattedMessage()));
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.put("error.type", error.getClassName());
            line.put("error.message", Masking.maskText(error.getMessage()));
            line.put("error.stack_trace", Masking.maskText(ThrowableProxyUtil.asString(error)));
        }
        return JSON.writeValueAsString(line) + "\n";
    }
}
