package cn.minzheng.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import cn.minzheng.platform.ServiceProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names each service's OpenAPI document and declares the Keycloak bearer token every endpoint expects. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI serviceOpenApi(ServiceProperties service) {
        return new OpenAPI()
                .info(new Info().title("Minzheng " + service.name() + " API").version("v1")
                        .description("Through the gateway at /api/" + service.name()
                                + ". Errors are RFC 9457 problem+json; authenticate with a Keycloak access token."))
                .components(new Components().addSecuritySchemes("keycloak", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("keycloak"));
    }
}
