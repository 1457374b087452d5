package cn.minzheng.platform.apidocs;

import java.util.List;

import cn.minzheng.platform.ServiceProperties;
import cn.minzheng.platform.security.EndpointRoles;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document every service publishes at {@code /api/<service>/v3/api-docs}, with what the platform knows
 * for every service: the title, licence and contact, both ways to log in (a pasted token, or Keycloak's login page
 * with PKCE through the realm's public {@code minzheng-portal} client, which Swagger UI on the gateway offers),
 * the shared {@code Problem} schema and the problem responses, headers and examples of each operation
 * ({@link ProblemDocumentation}, {@link HeaderDocumentation}, {@link RequestExamples}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    static final String BEARER = "bearer";
    static final String KEYCLOAK = "keycloak";

    @Bean
    OpenAPI serviceOpenApi(ServiceProperties service,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        String connect = issuer + "/protocol/openid-connect";
        return new OpenAPI()
                .info(new Info().title("民政 " + service.name() + " 接口 · Minzheng " + service.name() + " API")
                        .version("v1")
                        .description("""
                                县民政局业务平台的 %s 接口，经网关 /api/%s 访问。出错时返回 RFC 9457 problem+json \
                                （中文；请求头 Accept-Language: en 时为英文）。登录：Keycloak 访问令牌（Authorize 按钮可直接登录）。

                                The %s API of the county Civil Affairs Bureau's platform, reached through the gateway \
                                at /api/%s. Errors are RFC 9457 problem+json (Chinese; English with \
                                Accept-Language: en). Log in with a Keycloak access token (Authorize logs in directly)."""
                                .formatted(service.name(), service.name(), service.name(), service.name()))
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0"))
                        .contact(new Contact().name("民政业务平台开发组 Minzheng platform team")))
                .servers(List.of(new Server().url("/").description("网关 The gateway")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("粘贴 Keycloak 访问令牌。Paste a Keycloak access token."))
                        .addSecuritySchemes(KEYCLOAK, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("""
                                        在 Keycloak 登录页以演示用户登录（授权码 + PKCE，公共客户端 minzheng-portal）。
                                        Log in on Keycloak's page as a demo user (authorization code with PKCE, \
                                        public client minzheng-portal).""")
                                .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                        .authorizationUrl(connect + "/auth").tokenUrl(connect + "/token")
                                        .scopes(new Scopes().addString("openid", "OpenID Connect"))))))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(KEYCLOAK, "openid"));
    }

    /**
     * Operation ids from the controller and the method ({@code marriageRegister}, {@code divorceApply}): unique and
     * stable, so that a generated client's method names do not change when another controller gains a method.
     */
    @Bean
    OperationCustomizer operationIds() {
        return (operation, handler) -> {
            String controller = handler.getBeanType().getSimpleName().replace("Controller", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            return operation;
        };
    }

    /** The roles an endpoint admits, as its {@code @PreAuthorize} says: {@code x-roles}, for integrators and tests. */
    @Bean
    OperationCustomizer operationRoles() {
        return (operation, handler) -> {
            List<String> roles = EndpointRoles.roles(handler);
            if (!roles.isEmpty()) {
                operation.addExtension("x-roles", roles);
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemDocumentation(ServiceProperties service) {
        return new ProblemDocumentation(service);
    }

    @Bean
    OpenApiCustomizer headerDocumentation() {
        return new HeaderDocumentation();
    }

    @Bean
    OpenApiCustomizer requestExamples(ServiceProperties service) {
        return new RequestExamples(service);
    }
}
