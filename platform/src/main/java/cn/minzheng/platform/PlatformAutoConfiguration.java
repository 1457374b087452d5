package cn.minzheng.platform;

import cn.minzheng.platform.audit.AuditConfiguration;
import cn.minzheng.platform.authz.AuthorizationConfiguration;
import cn.minzheng.platform.events.EventConsumersConfiguration;
import cn.minzheng.platform.events.EventsConfiguration;
import cn.minzheng.platform.health.KafkaHealthIndicator;
import cn.minzheng.platform.health.MongoHealthIndicator;
import cn.minzheng.platform.input.RequestInputConfiguration;
import cn.minzheng.platform.personal.PersonalDataConfiguration;
import cn.minzheng.platform.ping.PingController;
import cn.minzheng.platform.ping.PingEchoController;
import cn.minzheng.platform.problem.ProblemDetailsAdvice;
import cn.minzheng.platform.problem.ProblemErrorController;
import cn.minzheng.platform.problem.ProblemResponses;
import cn.minzheng.platform.problem.TomcatProblemPages;
import cn.minzheng.platform.security.SecurityConfiguration;
import cn.minzheng.platform.store.StoreConfiguration;
import cn.minzheng.platform.text.Texts;
import cn.minzheng.platform.time.ClockConfiguration;
import cn.minzheng.platform.time.DevClockController;
import cn.minzheng.platform.apidocs.ApiDocsConfiguration;
import cn.minzheng.platform.web.AsyncApiController;
import cn.minzheng.platform.web.IdempotencyConfiguration;
import cn.minzheng.platform.web.RequestIdFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Everything a Minzheng service gets by depending on the platform library. Before Spring Boot's MongoDB data
 * configuration, so the platform's store conversions are the ones used (Boot's default backs off).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableConfigurationProperties(ServiceProperties.class)
@Import({StoreConfiguration.class, ClockConfiguration.class, PersonalDataConfiguration.class,
        AuditConfiguration.class, EventsConfiguration.class, EventConsumersConfiguration.class,
        AuthorizationConfiguration.class, SecurityConfiguration.class, ProblemResponses.class, Texts.class,
        ProblemDetailsAdvice.class, ProblemErrorController.class, RequestIdFilter.class, KafkaHealthIndicator.class,
        MongoHealthIndicator.class, PingController.class, PingEchoController.class, DevClockController.class,
        ApiDocsConfiguration.class, IdempotencyConfiguration.class, AsyncApiController.class,
        RequestInputConfiguration.class, TomcatProblemPages.class,
        cn.minzheng.platform.onething.OneThingConfiguration.class})
public class PlatformAutoConfiguration {

    @Bean
    static ProductionSafety productionSafety() {
        return new ProductionSafety();
    }
}
