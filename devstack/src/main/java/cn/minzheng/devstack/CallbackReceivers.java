package cn.minzheng.devstack;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * The loopback ports a test or dev receiver of signed callbacks listens on, and the only loopback ports the funeral
 * service may call back on in the dev and test stacks ({@code minzheng.funeral.callbacks.loopback-ports}): a range no
 * part of the platform uses, so an allow-list can never aim callbacks at the gateway, a service, Keycloak, Kafka or
 * the store.
 */
public final class CallbackReceivers {

    public static final int FIRST_PORT = 18700;
    public static final int LAST_PORT = 18799;
    /** The range as the funeral service's setting reads it. */
    public static final String PORTS = FIRST_PORT + "-" + LAST_PORT;

    private CallbackReceivers() {
    }

    /** An HTTP server on 127.0.0.1 at the first free port of the range (not started). */
    public static HttpServer bind() throws IOException {
        for (int port = FIRST_PORT; port <= LAST_PORT; port++) {
            try {
                return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (BindException taken) {
                // The next one.
            }
        }
        throw new IOException("no free callback receiver port in " + PORTS);
    }
}
