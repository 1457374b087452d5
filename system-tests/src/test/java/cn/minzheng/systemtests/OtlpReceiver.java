package cn.minzheng.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/**
 * An OTLP/HTTP trace receiver in the test JVM (what an OpenTelemetry Collector is in production): the platform's
 * processes send their spans to {@link #endpoint()} and the tests read them. Loopback only.
 */
final class OtlpReceiver {

    /** One received span, with the {@code service.name} of the process that sent it. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                receiver.add(ExportTraceServiceRequest.parseFrom(body));
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return receiver;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void add(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (var resourceSpans : request.getResourceSpansList()) {
            String service = resourceSpans.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(a -> a.getValue().getStringValue())
                    .findFirst().orElse("?");
            for (var scope : resourceSpans.getScopeSpansList()) {
                for (var span : scope.getSpansList()) {
                    spans.add(new ReceivedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
                            span.getKind().name()));
                }
            }
        }
    }
}
