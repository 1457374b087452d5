package cn.minzheng.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A gateway on a loopback port that answers canned JSON by path and records what it was sent (headers, bodies). A
 * path marked {@link #hang} never answers until the test ends: an office that is down.
 */
final class FakeGateway implements AutoCloseable {

    record Call(String method, String pathAndQuery, Headers headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final List<String> hanging = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), body));
            if (hanging.stream().anyMatch(path::startsWith)) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String answer = answers.entrySet().stream().filter(entry -> path.equals(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("{\"items\":[],\"page\":{\"totalElements\":0}}");
            int status = statuses.getOrDefault(path, 200);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            exchange.getResponseHeaders().set("ETag", "\"7\"");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeGateway answer(String path, String json) {
        return answer(path, 200, json);
    }

    FakeGateway answer(String path, int status, String json) {
        answers.put(path, json);
        statuses.put(path, status);
        return this;
    }

    FakeGateway hang(String pathPrefix) {
        hanging.add(pathPrefix);
        return this;
    }

    void reset() {
        answers.clear();
        statuses.clear();
        hanging.clear();
        calls.clear();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
