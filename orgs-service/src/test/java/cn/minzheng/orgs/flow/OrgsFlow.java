package cn.minzheng.orgs.flow;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;

import cn.minzheng.testsupport.HttpCalls;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the orgs flow tests start from: the running service on its random port. */
abstract class OrgsFlow {

    @LocalServerPort
    int port;

    HttpCalls http;

    @Autowired
    Clock clock;

    /** The service's today, in its zone: the machine's own zone may already be on another day. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    @BeforeEach
    void connect() {
        http = new HttpCalls("http://127.0.0.1:" + port);
    }
}
