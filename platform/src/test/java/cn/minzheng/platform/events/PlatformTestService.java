package cn.minzheng.platform.events;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The smallest service the platform makes: no domain, just what every service gets from the library, on the
 * embedded broker and store. The platform's own tests of its machinery (consuming, relaying) run in it.
 */
@SpringBootApplication
class PlatformTestService {

    static void properties(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.application.name", () -> "platform-test");
        registry.add("minzheng.service.name", () -> "platformtest");
        registry.add("minzheng.service.roles", () -> "admin");
        registry.add("spring.kafka.bootstrap-servers", EmbeddedBrokerAndStore::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> EmbeddedBrokerAndStore.mongoUri(database));
    }
}
