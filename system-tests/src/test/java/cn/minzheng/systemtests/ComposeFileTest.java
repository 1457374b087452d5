package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.StackSettings;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.yml cannot be started in CI; this test keeps it honest instead:
 * every deployable is there, every variable it sets is one the service reads, the gateway reaches each service on
 * the port that service listens on, and the realm file it mounts exists.
 */
class ComposeFileTest {

    private final Path root = DeploymentFiles.ROOT;
    private final Map<String, Object> services = DeploymentFiles.composeServices();

    @Test
    void every_deployable_is_built_from_its_own_module() {
        for (Deployable deployable : Deployable.values()) {
            Map<String, Object> service = section(services, deployable.module());
            Map<String, Object> build = section(service, "build");
            assertThat(build.get("context")).isEqualTo(".");
            assertThat(section(build, "args")).containsEntry("MODULE", deployable.module());
        }
        assertThat(root.resolve("Dockerfile")).content().contains("ARG MODULE");
    }

    @Test
    void every_variable_set_for_a_deployable_is_one_it_reads() {
        for (Deployable deployable : Deployable.values()) {
            for (String name : environment(deployable).keySet()) {
                assertThat(DeploymentFiles.reads(deployable, name))
                        .as("%s sets %s, which the module does not read (it reads %s)", deployable.module(), name,
                                DeploymentFiles.variablesRead(deployable))
                        .isTrue();
            }
        }
    }

    /** The services' personal-data keys come from the operator's environment, never from the compose file. */
    @Test
    void personal_data_keys_are_required_from_the_environment() {
        for (Deployable service : Deployable.SERVICES) {
            for (String key : new String[] {"PERSONAL_DATA_KEY_ID", "PERSONAL_DATA_KEY", "PERSONAL_DATA_INDEX_KEY"}) {
                assertThat(String.valueOf(environment(service).get(key))).as("%s %s", service.module(), key)
                        .startsWith("${" + key + ":?");
            }
        }
        assertThat(root.resolve(".env.example")).content().contains("PERSONAL_DATA_KEY=", "PERSONAL_DATA_INDEX_KEY=");
    }

    @Test
    void every_service_is_told_where_its_store_broker_and_issuer_are() {
        for (Deployable service : Deployable.SERVICES) {
            assertThat(environment(service)).containsKeys("SERVER_PORT", "MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS",
                    "OIDC_ISSUER_URI", "OIDC_JWK_SET_URI");
            assertThat(String.valueOf(environment(service).get("MONGODB_URI")))
                    .as("each service owns its database, on the replica set")
                    .contains("/" + service.id() + "?replicaSet=");
            assertThat(section(section(services, service.module()), "depends_on")).containsKeys("mongo", "kafka");
        }
    }

    @Test
    void the_gateway_reaches_each_service_on_the_port_that_service_listens_on() {
        Map<String, Object> gateway = environment(Deployable.GATEWAY);
        for (Deployable service : Deployable.SERVICES) {
            URI url = URI.create(String.valueOf(gateway.get(service.id().toUpperCase() + "_URL")));
            assertThat(url.getHost()).isEqualTo(service.module());
            assertThat(url.getPort()).isEqualTo(Integer.parseInt(String.valueOf(environment(service).get("SERVER_PORT"))));
        }
        assertThat(section(section(services, "gateway"), "depends_on")).hasSize(Deployable.SERVICES.size());
    }

    @Test
    void keycloak_imports_the_production_realm_file_of_this_repository() {
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) section(services, "keycloak").get("volumes");
        String realmMount = volumes.stream().filter(v -> v.contains("/data/import/")).findFirst().orElseThrow();
        assertThat(root.resolve(realmMount.substring(0, realmMount.indexOf(':')))).isRegularFile()
                .isEqualTo(root.resolve("./keycloak/minzheng-realm-prod.json"));
    }

    /**
     * The production realm is the dev realm without what only a developer's machine may have: the password-grant
     * client, the demo users, the committed secrets. Roles and the remaining clients' mappers are the same, so the
     * two cannot drift apart unnoticed.
     */
    @Test
    void the_production_realm_is_the_dev_realm_without_demo_users_password_grant_or_secrets() throws IOException {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var dev = json.readTree(root.resolve("keycloak/minzheng-realm.json").toFile());
        String prodText = java.nio.file.Files.readString(root.resolve("keycloak/minzheng-realm-prod.json"));
        var prod = json.readTree(prodText);

        assertThat(prodText).doesNotContain("dev-only", "password");
        assertThat(prod.path("roles")).isEqualTo(dev.path("roles"));
        assertThat(prod.path("users").valueStream().map(u -> u.path("serviceAccountClientId").asString()))
                .as("only the clients' service accounts").doesNotContain("").hasSize(2);
        var prodClients = prod.path("clients").valueStream().toList();
        assertThat(prodClients).noneMatch(c -> c.path("directAccessGrantsEnabled").asBoolean());
        assertThat(prodClients).filteredOn(c -> c.has("secret"))
                .allMatch(c -> c.path("secret").asString().matches("\\$\\{[A-Z_]+}"));
        for (var client : prodClients) {
            var devClient = dev.path("clients").valueStream()
                    .filter(c -> c.path("clientId").equals(client.path("clientId"))).findFirst().orElseThrow();
            assertThat(client.path("protocolMappers")).isEqualTo(devClient.path("protocolMappers"));
        }
        assertThat(dev.path("clients").valueStream().map(c -> c.path("clientId").asString()))
                .containsAll(prodClients.stream().map(c -> c.path("clientId").asString()).toList())
                .contains("minzheng-cli");
    }

    /** The portal's actuator needs no login, so it listens on a port the compose file does not publish. */
    @Test
    void the_portals_actuator_is_not_on_a_published_port() {
        String management = String.valueOf(environment(Deployable.PORTAL).get("MANAGEMENT_SERVER_PORT"));
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) section(services, "portal").get("ports");
        assertThat(management).matches("[0-9]+").isNotEqualTo(environment(Deployable.PORTAL).get("SERVER_PORT"));
        assertThat(ports).noneMatch(port -> port.contains(management));
        assertThat(section(section(services, "portal"), "healthcheck").get("test").toString()).contains(":" + management);
    }

    @Test
    void issuer_and_audience_are_the_same_for_every_deployable() {
        Set<Object> issuers = new HashSet<>();
        for (Deployable deployable : Deployable.values()) {
            issuers.add(environment(deployable).get("OIDC_ISSUER_URI"));
        }
        assertThat(issuers).containsExactly("http://localhost:8180/realms/minzheng");
    }

    private Map<String, Object> environment(Deployable deployable) {
        return section(section(services, deployable.module()), "environment");
    }

    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        return DeploymentFiles.section(parent, key);
    }
}
