package cn.minzheng.assistance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Low-income assistance: dibao, extremely poor, temporary and marginal households. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class AssistanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssistanceApplication.class, args);
    }
}
