package cn.minzheng.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a developer needs once the platform is up; demo users are read from the realm file so they stay true. */
final class Banner {

    private Banner() {
    }

    static String of(Stack stack, String rss) {
        String gateway = stack.gatewayUrl().toString();
        String keycloak = stack.keycloakUrl().toString();
        return """
                ================================================================================
                 Minzheng is up in %d s
                   Workbench    %s   (工作台: log in with a demo user below)
                   Gateway      %s
                   Swagger UI   %s/swagger-ui.html
                   Keycloak     %s/admin   (DEV ONLY admin: %s / %s)
                   Logs         %s

                 Demo users of realm minzheng (password for all, DEV ONLY: dev-only-password)
                %s
                 Provincial platform client: integration / dev-only-integration-secret (client credentials)
                 Metrics (/actuator/prometheus): %s / %s

                 Try it:
                   TOKEN=$(curl -s -d grant_type=password -d client_id=minzheng-cli \\
                     -d username=zl-officer-1 -d password=dev-only-password \\
                     %s/realms/minzheng/protocol/openid-connect/token \\
                     | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                   curl -s -H "Authorization: Bearer $TOKEN" %s/api/assistance/ping

                 Resident memory
                %s
                 Ctrl-C stops everything.
                ================================================================================"""
                .formatted(stack.startupTime().toSeconds(), stack.portalUrl(), gateway, gateway, keycloak,
                        KeycloakServer.DEV_ADMIN_USER, KeycloakServer.DEV_ADMIN_PASSWORD,
                        stack.settings().logDir().toAbsolutePath(), demoUsers(stack.settings()),
                        KeycloakServer.METRICS_CLIENT, KeycloakServer.DEV_METRICS_SECRET, keycloak, gateway,
                        rss.stripTrailing());
    }

    private static String demoUsers(StackSettings settings) {
        try {
            JsonNode realm = JsonMapper.builder().build().readTree(Files.readString(settings.realmFile()));
            StringBuilder users = new StringBuilder();
            for (JsonNode user : realm.path("users")) {
                if (user.has("serviceAccountClientId")) {
                    continue;
                }
                users.append(String.format("    %-24s %-22s %s%n", user.path("username").asString(),
                        user.path("realmRoles").path(0).asString(),
                        user.path("attributes").path("division").path(0).asString()));
            }
            return users.toString().stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
