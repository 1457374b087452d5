package cn.minzheng.platform.web;

import java.time.Clock;

import cn.minzheng.platform.ServiceProperties;
import cn.minzheng.platform.problem.ProblemResponses;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    /** After Spring Security's chain (order -100): keys are scoped to the authenticated caller. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MongoTemplate mongo, ProblemResponses problems,
            Clock clock, ServiceProperties service) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(mongo, problems, clock, service));
        registration.setOrder(0);
        return registration;
    }

    /** A key's record goes once its 48 hours are over (it is refused as expired on read before that too). */
    @Bean
    cn.minzheng.platform.store.ExpiringRecords idempotencyKeysExpiry() {
        return new cn.minzheng.platform.store.ExpiringRecords(IdempotencyFilter.COLLECTION, "expiresAt",
                java.time.Duration.ZERO);
    }
}
