package cn.minzheng.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a service's Spring context at the test broker, the test store (its own database) and the test issuer. */
public class ServiceTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The key gateway and services share in tests (a test value; each dev run generates its own). */
    public static final String GATEWAY_KEY = "test-only-gateway-key";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        // One database per service, shared by its test contexts (their listeners share a consumer group, so a
        // consumed event must land where every context reads); a test that needs its own sets minzheng.test.database.
        String database = environment.getProperty("minzheng.test.database",
                environment.getProperty("minzheng.service.name", "test") + "-test");
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, Object> properties = new HashMap<>(TestJwts.resourceServerProperties());
        properties.put("spring.mongodb.uri", infrastructure.mongoUri(database));
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        // The body-handling checks of the contract test post to the echo that only test and dev stacks have.
        properties.put("minzheng.ping.echo", "true");
        properties.put("minzheng.gateway.key", GATEWAY_KEY);
        // refused requests are written per period by a timer; a short period lets a test see them without waiting
        properties.put("minzheng.security.refused-requests.period", "PT2S");
        properties.put("minzheng.security.refused-requests.flush-interval", "PT0.5S");
        // The embedded store's adapter (a unique {_id, version} index); never on a real MongoDB. A test that runs
        // the production path on the embedded store says so itself.
        if (environment.getProperty("minzheng.store.embedded-adapter") == null) {
            properties.put("minzheng.store.embedded-adapter", Boolean.toString(infrastructure.embeddedStore()));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test-infrastructure", properties));
        // Every query's shape is recorded for IndexCoverageTest.
        if (context instanceof GenericApplicationContext generic) {
            generic.registerBean("queryShapesListener", MongoClientSettingsBuilderCustomizer.class,
                    () -> settings -> settings.addCommandListener(QueryShapes.LISTENER));
        }
    }
}
