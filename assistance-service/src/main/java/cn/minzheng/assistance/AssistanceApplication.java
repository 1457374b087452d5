package cn.minzheng.assistance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Low-income assistance: dibao, extremely poor, temporary and marginal households. */
@SpringBootApplication
public class AssistanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssistanceApplication.class, args);
    }
}
