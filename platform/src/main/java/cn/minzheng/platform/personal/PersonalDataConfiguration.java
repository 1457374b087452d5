package cn.minzheng.platform.personal;

import java.util.Arrays;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataProperties properties, Environment environment) {
        boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        if (prod && properties.activeKeyId().startsWith(PersonalDataProperties.DEV_KEY_MARKER)) {
            throw new IllegalStateException("production needs its own personal-data keys: set PERSONAL_DATA_KEY_ID, "
                    + "PERSONAL_DATA_KEY and PERSONAL_DATA_INDEX_KEY");
        }
        return new PersonalDataCipher(properties);
    }
}
