package cn.minzheng.systemtests;

import cn.minzheng.devstack.Stack;
import cn.minzheng.testsupport.HttpCalls;
import org.junit.jupiter.api.BeforeAll;

/** What every system test starts from: the one running platform, calls through its gateway, real Keycloak tokens. */
abstract class ThroughTheGateway {

    static Stack stack;
    static HttpCalls gateway;
    static KeycloakTokens tokens;

    @BeforeAll
    static void platform() {
        stack = RunningPlatform.get();
        gateway = new HttpCalls(stack.gatewayUrl().toString());
        tokens = new KeycloakTokens(stack.keycloakUrl().toString());
    }
}
