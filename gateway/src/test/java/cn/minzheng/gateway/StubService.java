package cn.minzheng.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service behind the gateway: echoes what it received, and on {@code /flaky} fails with 503
 * the first time each call is made, so retries can be seen, on {@code /broken} always with 500 and on {@code /missing} with 404; on {@code /hold} it keeps the call open until
 * {@link #release} is counted down, so a service at its concurrency limit can be staged.
 */
final class StubService implements AutoCloseable {

    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger flakyCalls = new AtomicInteger();
    final AtomicInteger brokenCalls = new AtomicInteger();
    final AtomicInteger held = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    private final HttpServer server;

    StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        calls.incrementAndGet();
        if (exchange.getRequestURI().getPath().endsWith("/flaky") && flakyCalls.incrementAndGet() % 2 == 1) {
            respond(exchange, 503, "{}");
            return;
        }
        if (exchange.getRequestURI().getPath().endsWith("/missing")) {
            respond(exchange, 404, "{}");
            return;
        }
        if (exchange.getRequestURI().getPath().endsWith("/broken")) {
            brokenCalls.incrementAndGet();
            respond(exchange, 500, "{}");
            return;
        }
        if (exchange.getRequestURI().getPath().endsWith("/hold")) {
            held.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String body = """
                {"path":"%s","method":"%s","bearer":%s,"requestId":"%s","gatewayMark":"%s"}"""
                .formatted(exchange.getRequestURI().getPath(), exchange.getRequestMethod(),
                        auth != null && auth.startsWith("Bearer "), exchange.getRequestHeaders().getFirst("X-Request-Id"),
                        exchange.getRequestHeaders().getFirst(PublicWriteLimit.MARK));
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
