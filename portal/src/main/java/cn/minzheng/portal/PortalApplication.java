package cn.minzheng.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The workbench (工作台): pages for township officers, county approvers and registrars. A backend-for-frontend: it
 * logs the person in with Keycloak, keeps their tokens in the server session and calls the services through the
 * gateway with the person's own token. It holds no business rule; every decision and refusal is the service's.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
