package cn.minzheng.orgs.flow;

import org.junit.jupiter.api.BeforeEach;

import cn.minzheng.testsupport.HttpCalls;

import org.springframework.boot.test.web.server.LocalServerPort;

/** What the orgs flow tests start from: the running service on its random port. */
abstract class OrgsFlow {

    @LocalServerPort
    int port;

    HttpCalls http;

    @BeforeEach
    void connect() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }
}
