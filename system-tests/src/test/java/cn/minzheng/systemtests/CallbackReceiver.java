package cn.minzheng.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import cn.minzheng.devstack.CallbackReceivers;

/**
 * A callback receiver on this machine, as the provincial platform would run one: it checks each Standard Webhooks
 * signature with its own HMAC (not the service's code) and keeps the bodies, de-duplicated by webhook-id.
 */
final class CallbackReceiver implements AutoCloseable {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "system-test-key-of-32-bytes-long".getBytes(StandardCharsets.UTF_8));

    private final HttpServer server;
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> ids = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean allVerified = true;

    private CallbackReceiver(HttpServer server) {
        this.server = server;
    }

    static CallbackReceiver start() throws IOException {
        CallbackReceiver receiver = new CallbackReceiver(CallbackReceivers.bind());
        receiver.server.createContext("/hooks", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!receiver.verify(id, timestamp, body, signature)) {
                receiver.allVerified = false;
                exchange.sendResponseHeaders(401, -1);
            } else {
                if (!receiver.ids.contains(id)) {
                    receiver.ids.add(id);
                    receiver.bodies.add(body);
                }
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }

    boolean allVerified() {
        return allVerified && !bodies.isEmpty();
    }

    private boolean verify(String id, String timestamp, String body, String signature) {
        if (id == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())),
                    "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "."
                    + body).getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
