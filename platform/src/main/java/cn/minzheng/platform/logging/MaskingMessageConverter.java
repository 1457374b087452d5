package cn.minzheng.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import cn.minzheng.platform.personal.Masking;

/** Logback's {@code %m}, with personal numbers masked. */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.maskText(super.convert(event));
    }
}
