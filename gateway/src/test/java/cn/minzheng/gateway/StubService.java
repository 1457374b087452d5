package cn.minzheng.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service behind the gateway: echoes what it received, and on {@code /flaky} fails with 503
 * the first time each call is made, so retries can be seen.
 */
final class StubService implements AutoCloseable {

    final AtomicInteger flakyCalls = new AtomicInteger();
    private final HttpServer server;

    StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestURI().getPath().endsWith("/flaky") && flakyCalls.incrementAndGet() % 2 == 1) {
            respond(exchange, 503, "{}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String body = """
                {"path":"%s","method":"%s","bearer":%s,"requestId":"%s"}"""
                .formatted(exchange.getRequestURI().getPath(), exchange.getRequestMethod(),
                        auth != null && auth.startsWith("Bearer "), exchange.getRequestHeaders().getFirst("X-Request-Id"));
        exchange.getResponseHeaders().set("X-Request-Id", exchange.getRequestHeaders().getFirst("X-Request-Id"));
        respond(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
