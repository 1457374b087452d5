package cn.minzheng.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.mock.env.MockEnvironment;

class MaskedLoggingTest {

    private static final String ID = "320404198503150026";

    private static LoggingEvent event(String message, Object... args) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return new LoggingEvent("test", context.getLogger("test"), Level.INFO, message, null, args);
    }

    @Test
    void any_pattern_layout_masks_id_numbers_in_messages_once_installed() {
        MaskedLogging.install();
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern("%level %logger %msg | %m | %message%n");
        layout.start();

        String line = layout.doLayout(event("member {} added, phone {}", ID, "13812345678"));

        assertThat(line).doesNotContain(ID, "13812345678").contains("320404********0026", "138****5678");
    }

    @Test
    void structured_json_lines_mask_messages_and_stack_traces() {
        MaskingJsonLogFormatter formatter = new MaskingJsonLogFormatter(
                new MockEnvironment().withProperty("spring.application.name", "assistance-service"));
        LoggingEvent event = event("lookup of {} failed", ID);
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(
                new IllegalStateException("no household for " + ID)));

        String json = formatter.format(event);

        assertThat(json).doesNotContain(ID).contains("320404********0026", "\"service.name\":\"assistance-service\"",
                "\"error.type\":\"java.lang.IllegalStateException\"");
    }
}
