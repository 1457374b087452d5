package cn.minzheng.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import cn.minzheng.devstack.CallbackReceivers;

/**
 * The provincial platform's side of the callbacks: a receiver on this machine that checks every Standard Webhooks
 * signature with its own HMAC (not the service's code) and de-duplicates by webhook-id, as receivers must.
 */
final class CallbackCounter implements AutoCloseable {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "bench-callback-key-32-bytes-long".getBytes(StandardCharsets.UTF_8));

    private final HttpServer server;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();

    private CallbackCounter(HttpServer server) {
        this.server = server;
    }

    static CallbackCounter start() throws IOException {
        HttpServer server = CallbackReceivers.bind();
        CallbackCounter counter = new CallbackCounter(server);
        server.createContext("/hooks", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            counter.received.incrementAndGet();
            if (id != null && verified(id, timestamp, body, signature)) {
                counter.ids.add(id);
                exchange.sendResponseHeaders(204, -1);
            } else {
                counter.badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return counter;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    long distinct() {
        return ids.size();
    }

    long received() {
        return received.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    private static boolean verified(String id, String timestamp, String body, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())),
                    "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "."
                    + body).getBytes(StandardCharsets.UTF_8)));
            return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
