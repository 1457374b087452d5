package cn.minzheng.testsupport;

import java.util.HashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** For slice tests that need only the resource server pointed at the test issuer (no broker, no store). */
public class JwtTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("test-jwt", new HashMap<>(TestJwts.resourceServerProperties())));
    }
}
