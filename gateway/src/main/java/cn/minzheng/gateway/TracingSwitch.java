package cn.minzheng.gateway;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The gateway's own observation of each proxied call (its client span, which carries the trace on to the service)
 * costs about 6 % of its CPU, so it is on only when traces leave the process: when an OTLP endpoint is set (unless
 * SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_OBSERVABILITY_ENABLED says otherwise).
 */
class TracingSwitch implements EnvironmentPostProcessor {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String OBSERVABILITY = "spring.cloud.gateway.server.webflux.observability.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty(ENDPOINT)) && !StringUtils.hasText(
                System.getenv("SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_OBSERVABILITY_ENABLED"))) {
            environment.getPropertySources().addFirst(new MapPropertySource("minzheng-tracing",
                    Map.of(OBSERVABILITY, "true")));
        }
    }
}
