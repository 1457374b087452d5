package cn.minzheng.orgs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Social organisations: registration and supervision. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class OrgsApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrgsApplication.class, args);
    }
}
