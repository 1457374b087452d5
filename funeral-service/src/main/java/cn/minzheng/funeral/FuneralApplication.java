package cn.minzheng.funeral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Funeral and cemeteries: deaths, cremation, eco-burial and fee waivers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FuneralApplication {

    public static void main(String[] args) {
        SpringApplication.run(FuneralApplication.class, args);
    }
}
