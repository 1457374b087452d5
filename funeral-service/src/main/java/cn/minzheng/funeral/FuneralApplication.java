package cn.minzheng.funeral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Funeral and cemeteries: deaths, cremation, eco-burial and fee waivers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FuneralApplication {

    public static void main(String[] args) {
        SpringApplication.run(FuneralApplication.class, args);
    }
}
