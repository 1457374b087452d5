package cn.minzheng.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import cn.minzheng.platform.trace.TraceContext;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * A consumed event continues the trace of the work that produced it ({@code traceparent} header): its log lines
 * carry that trace id, and the events the listener causes carry it on.
 */
class TracingRecordInterceptor implements RecordInterceptor<String, byte[]> {

    @Override
    public ConsumerRecord<String, byte[]> intercept(ConsumerRecord<String, byte[]> record,
            Consumer<String, byte[]> consumer) {
        Header header = record.headers().lastHeader(TraceContext.HEADER);
        TraceContext.enter(TraceContext.continueOrStart(header == null ? null
                : new String(header.value(), StandardCharsets.UTF_8)));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<String, byte[]> record, Consumer<String, byte[]> consumer) {
        TraceContext.leave();
    }
}
