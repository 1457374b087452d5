package cn.minzheng.funeral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Funeral and cemeteries: deaths, cremation, eco-burial and fee waivers. */
@SpringBootApplication
public class FuneralApplication {

    public static void main(String[] args) {
        SpringApplication.run(FuneralApplication.class, args);
    }
}
