package cn.minzheng.eldercare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Eldercare: facilities, beds, residents, meal assistance and home care. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class EldercareApplication {

    public static void main(String[] args) {
        SpringApplication.run(EldercareApplication.class, args);
    }
}
