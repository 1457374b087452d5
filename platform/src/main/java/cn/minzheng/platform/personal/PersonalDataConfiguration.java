package cn.minzheng.platform.personal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataProperties properties) {
        // Development keys under prod are refused before this by ProductionSafety.
        return new PersonalDataCipher(properties);
    }
}
