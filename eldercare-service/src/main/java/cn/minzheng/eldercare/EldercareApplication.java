package cn.minzheng.eldercare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Eldercare: facilities, beds, residents, meal assistance and home care. */
@SpringBootApplication
public class EldercareApplication {

    public static void main(String[] args) {
        SpringApplication.run(EldercareApplication.class, args);
    }
}
