package cn.minzheng.platform.authz;

import cn.minzheng.platform.audit.Auditor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AuthorizationConfiguration {

    @Bean
    Authorization authorization(Auditor auditor) {
        return new Authorization(auditor);
    }
}
