package cn.minzheng.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import cn.minzheng.platform.logging.MaskedLogging;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code minzheng-platform-defaults.yml} (and the legal calendar) as the lowest-priority property sources, so that the five services
 * share one set of defaults (environment variable names, actuator exposure, timeouts) and each service's own
 * {@code application.yml} states only what is its own.
 */
class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String[] RESOURCES = {"minzheng-platform-defaults.yml"};

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Before Spring Boot configures logging (its listener runs after this one), so every layout masks.
        MaskedLogging.install();
        for (String resource : RESOURCES) {
            try {
                new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource))
                        .forEach(source -> environment.getPropertySources().addLast(source));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
