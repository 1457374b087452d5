package cn.minzheng.platform.audit;

import java.time.Clock;

import cn.minzheng.platform.ServiceProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@Import(AuditController.class)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo) {
        return new AuditTrail(mongo);
    }

    @Bean
    Auditor auditor(AuditTrail trail, Clock clock) {
        return new Auditor(trail, clock);
    }

    @Bean
    WebMvcConfigurer auditInterceptorRegistration(Auditor auditor, ServiceProperties service) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuditInterceptor(auditor, service.name())).addPathPatterns("/api/**");
            }
        };
    }
}
