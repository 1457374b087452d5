package cn.minzheng.systemtests.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.systemtests.DeploymentFiles;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s without a cluster: every built-in kind parses strictly into fabric8's Kubernetes model (a field the
 * model does not know fails, where the API server would drop or refuse it), every custom resource validates against
 * its operator's CRD schema (deploy/crds) with unknown fields refused, every Deployment has probes, limits and a
 * non-root context, and images, ports, variables, topics, the realm and the holiday schedules agree with the
 * services' own configuration and with docker-compose.yml.
 */
class KubernetesManifestsTest {

    private static final Path K8S = DeploymentFiles.ROOT.resolve("deploy/k8s");
    private static final Path CRDS = DeploymentFiles.ROOT.resolve("deploy/crds");
    private static final Set<String> BUILT_IN_GROUPS = Set.of("v1", "apps/v1", "autoscaling/v2", "policy/v1",
            "networking.k8s.io/v1");
    private static final Pattern LISTENED = Pattern.compile("@KafkaListener\\(topics = \\{?([^)}]*)");
    private static final Pattern TOPIC = Pattern.compile("\"(minzheng\\.[a-z]+)\"");

    private final KubernetesSerialization kubernetes = new KubernetesSerialization();
    private final List<Map<String, Object>> documents = documents();
    private final List<HasMetadata> builtIn = documents.stream()
            .filter(d -> BUILT_IN_GROUPS.contains(d.get("apiVersion"))).map(this::parseStrictly).toList();

    @Test
    void the_kustomization_lists_every_manifest_and_only_those() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .filter(n -> !n.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources());
        }
        assertThat(kustomization().get("namespace")).isEqualTo("minzheng");
    }

    @Test
    void every_built_in_kind_parses_into_the_kubernetes_model_with_no_unknown_field() {
        assertThat(builtIn).hasSizeGreaterThan(30);
        // parseStrictly has refused any unknown field; a kind the model does not know would be generic here.
        assertThat(builtIn).allSatisfy(r -> assertThat(r.getClass().getName()).doesNotContain("Generic"));
    }

    @Test
    void every_custom_resource_validates_against_its_operators_schema() {
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        List<Map<String, Object>> custom = documents.stream()
                .filter(d -> !BUILT_IN_GROUPS.contains(d.get("apiVersion"))).toList();
        assertThat(custom).extracting(d -> d.get("kind")).contains("Kafka", "KafkaNodePool", "KafkaTopic",
                "MongoDBCommunity", "Keycloak", "KeycloakRealmImport");
        for (Map<String, Object> resource : custom) {
            Map<String, Object> schema = CrdSchemas.strict(CrdSchemas.of(CRDS, String.valueOf(resource.get("apiVersion")),
                    String.valueOf(resource.get("kind"))));
            var errors = registry.getSchema(kubernetes.asJson(schema), InputFormat.JSON)
                    .validate(kubernetes.asJson(resource), InputFormat.JSON);
            assertThat(errors).as("%s %s", resource.get("kind"), name(resource)).isEmpty();
        }
    }

    @Test
    void the_strict_schema_check_refuses_a_misspelt_field() {
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        Map<String, Object> schema = CrdSchemas.strict(CrdSchemas.of(CRDS, "kafka.strimzi.io/v1", "KafkaTopic"));
        String misspelt = "{\"apiVersion\":\"kafka.strimzi.io/v1\",\"kind\":\"KafkaTopic\",\"metadata\":{\"name\":\"t\"},"
                + "\"spec\":{\"partitions\":3,\"replica\":3}}";
        assertThat(registry.getSchema(kubernetes.asJson(schema), InputFormat.JSON).validate(misspelt, InputFormat.JSON))
                .isNotEmpty();
        assertThat(catching(() -> parseStrictly(Map.of("apiVersion", "v1", "kind", "Service", "metadata",
                Map.of("name", "x"), "spec", Map.of("prots", List.of()))))).contains("prots");
    }

    @Test
    void every_deployable_runs_with_probes_limits_and_no_root() {
        for (Deployable deployable : Deployable.values()) {
            Deployment deployment = one(Deployment.class, deployable.module());
            var pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getStartupProbe()).isNotNull();
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
            assertThat(pod.getAffinity().getPodAntiAffinity()).isNotNull();
            // Spring's graceful shutdown has its 20 s per phase inside the grace period.
            assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(25);
            assertThat(container.getLifecycle().getPreStop()).isNotNull();
            assertThat(one(HorizontalPodAutoscaler.class, deployable.module()).getSpec().getMinReplicas())
                    .isGreaterThanOrEqualTo(2);
            assertThat(one(PodDisruptionBudget.class, deployable.module()).getSpec().getMinAvailable().getIntVal())
                    .isEqualTo(1);
        }
    }

    @Test
    void images_ports_and_variables_agree_with_the_modules_and_docker_compose() throws IOException {
        String version = projectVersion().replace("-SNAPSHOT", "");
        for (Deployable deployable : Deployable.values()) {
            Container container = container(deployable);
            assertThat(container.getImage()).isEqualTo("minzheng/" + deployable.module() + ":" + version);
            Map<String, Object> compose = DeploymentFiles.composeEnvironment(deployable);
            Map<String, EnvVar> env = new LinkedHashMap<>();
            container.getEnv().forEach(v -> env.put(v.getName(), v));
            assertThat(env.keySet()).as(deployable.module()).containsAll(compose.keySet());
            env.keySet().forEach(name -> assertThat(DeploymentFiles.reads(deployable, name))
                    .as("%s sets %s, which it does not read", deployable.module(), name).isTrue());
            int port = Integer.parseInt(String.valueOf(compose.get("SERVER_PORT")));
            assertThat(env.get("SERVER_PORT").getValue()).isEqualTo(String.valueOf(port));
            assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(port);
            assertThat(one(Service.class, deployable.module()).getSpec().getPorts().get(0).getPort()).isEqualTo(port);
            for (var entry : compose.entrySet()) {
                EnvVar set = env.get(entry.getKey());
                String value = String.valueOf(entry.getValue());
                if (value.startsWith("${")) {
                    assertThat(set.getValueFrom().getSecretKeyRef()).as("%s %s comes from a Secret",
                            deployable.module(), entry.getKey()).isNotNull();
                } else if (!value.contains("://") && !value.contains(":9092") && !entry.getKey().startsWith("CORS")) {
                    assertThat(set.getValue()).as("%s %s", deployable.module(), entry.getKey()).isEqualTo(value);
                }
            }
        }
    }

    @Test
    void the_gateway_reaches_each_service_at_its_service_and_port() {
        Map<String, String> env = new LinkedHashMap<>();
        container(Deployable.GATEWAY).getEnv().forEach(v -> env.put(v.getName(), v.getValue()));
        for (Deployable service : Deployable.SERVICES) {
            URI url = URI.create(env.get(service.id().toUpperCase() + "_URL"));
            assertThat(url.getHost()).isEqualTo(service.module());
            assertThat(url.getPort()).isEqualTo(container(service).getPorts().get(0).getContainerPort());
        }
    }

    /** Each service and the portal read their own database, as their own user, allowed on that database only. */
    @SuppressWarnings("unchecked")
    @Test
    void each_service_has_its_own_database_and_user() {
        Map<String, Object> mongo = documents.stream().filter(d -> "MongoDBCommunity".equals(d.get("kind")))
                .findFirst().orElseThrow();
        var users = (List<Map<String, Object>>) DeploymentFiles.section(mongo, "spec").get("users");
        List<Deployable> withStore = new ArrayList<>(Deployable.SERVICES);
        withStore.add(Deployable.PORTAL);
        for (Deployable deployable : withStore) {
            var uri = container(deployable).getEnv().stream().filter(v -> v.getName().equals("MONGODB_URI"))
                    .findFirst().orElseThrow().getValueFrom().getSecretKeyRef();
            var user = users.stream().filter(u -> uri.getName().equals(u.get("connectionStringSecretName")))
                    .findFirst().orElseThrow();
            assertThat(user.get("db")).isEqualTo(deployable.id());
            assertThat((List<Map<String, Object>>) user.get("roles"))
                    .containsExactly(Map.of("name", "readWrite", "db", deployable.id()));
        }
        assertThat(users).hasSize(withStore.size());
    }

    @Test
    void every_topic_the_code_uses_is_declared_with_its_dead_letter_topic() throws IOException {
        Set<String> declared = new TreeSet<>();
        documents.stream().filter(d -> "KafkaTopic".equals(d.get("kind"))).forEach(topic -> {
            declared.add(name(topic));
            Map<String, Object> spec = DeploymentFiles.section(topic, "spec");
            assertThat(spec.get("replicas")).isEqualTo(3);
            assertThat(DeploymentFiles.section(spec, "config").get("min.insync.replicas")).isEqualTo(2);
        });
        Set<String> used = new TreeSet<>();
        Deployable.SERVICES.forEach(service -> used.add("minzheng." + service.id()));
        Set<String> consumed = consumedTopics();
        used.addAll(consumed);
        consumed.forEach(topic -> used.add(topic + ".dlt"));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void every_service_mounts_the_holiday_schedules_the_platform_ships() throws IOException {
        var configMap = one(io.fabric8.kubernetes.api.model.ConfigMap.class, "minzheng-legal-time");
        assertThat(configMap.getData().get("holiday-schedules.yml")).isEqualTo(Files.readString(DeploymentFiles.ROOT
                .resolve("platform/src/main/resources/minzheng/legal-time/holiday-schedules.yml")));
        for (Deployable service : Deployable.SERVICES) {
            var pod = one(Deployment.class, service.module()).getSpec().getTemplate().getSpec();
            String file = container(service).getEnv().stream()
                    .filter(v -> v.getName().equals("MINZHENG_LEGAL_TIME_SCHEDULES")).findFirst().orElseThrow()
                    .getValue().substring("file:".length());
            var mount = container(service).getVolumeMounts().stream()
                    .filter(m -> file.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
            assertThat(pod.getVolumes()).anySatisfy(v -> {
                assertThat(v.getName()).isEqualTo(mount.getName());
                assertThat(v.getConfigMap().getName()).isEqualTo("minzheng-legal-time");
            });
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void keycloak_imports_the_production_realm_with_its_placeholders_from_secrets() throws IOException {
        Map<String, Object> realmImport = documents.stream().filter(d -> "KeycloakRealmImport".equals(d.get("kind")))
                .findFirst().orElseThrow();
        Map<String, Object> spec = DeploymentFiles.section(realmImport, "spec");
        String prodText = Files.readString(DeploymentFiles.ROOT.resolve("keycloak/minzheng-realm-prod.json"));
        Map<String, Object> prod = kubernetes.unmarshal(prodText, Map.class);
        assertThat(kubernetes.asJson(spec.get("realm"))).isEqualTo(kubernetes.asJson(prod));
        Matcher placeholders = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}").matcher(prodText);
        Set<String> names = new TreeSet<>();
        placeholders.results().forEach(m -> names.add(m.group(1)));
        assertThat(((Map<String, Object>) spec.get("placeholders")).keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void browsers_reach_the_portal_the_gateway_and_keycloaks_login_never_its_admin() {
        Map<String, String> routes = new LinkedHashMap<>();
        builtIn.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast)
                .flatMap(i -> i.getSpec().getRules().stream()).flatMap(r -> r.getHttp().getPaths().stream())
                .forEach(p -> routes.put(p.getPath(), p.getBackend().getService().getName()));
        assertThat(routes).containsEntry("/api", "gateway").containsEntry("/", "portal")
                .containsEntry("/realms", "keycloak-service").containsEntry("/resources", "keycloak-service");
        assertThat(routes.keySet()).noneMatch(path -> path.startsWith("/admin"));
        // "/" goes to the portal: its actuator (metrics) listens on a port no route reaches.
        var portal = container(Deployable.PORTAL);
        String management = portal.getEnv().stream().filter(v -> v.getName().equals("MANAGEMENT_SERVER_PORT"))
                .findFirst().orElseThrow().getValue();
        assertThat(one(Service.class, "portal").getSpec().getPorts()).extracting(p -> String.valueOf(p.getPort()))
                .doesNotContain(management);
        assertThat(portal.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    /** Closed by default; only funeral (callbacks) may leave the cluster; Prometheus reaches every deployable. */
    @Test
    void the_network_is_closed_but_for_the_paths_the_platform_needs() {
        List<NetworkPolicy> policies = builtIn.stream().filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast).toList();
        NetworkPolicy closed = policies.stream().filter(p -> p.getMetadata().getName().equals("default-deny"))
                .findFirst().orElseThrow();
        assertThat(closed.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(closed.getSpec().getIngress()).isEmpty();
        assertThat(closed.getSpec().getEgress()).isEmpty();
        assertThat(policies).filteredOn(p -> p.getSpec().getEgress().stream()
                .anyMatch(rule -> rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null)))
                .extracting(p -> p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .containsExactly("funeral-service");
        String policiesText = kubernetes.asJson(policies);
        assertThat(policiesText).contains("\"kubernetes.io/metadata.name\":\"monitoring\"");
    }

    private Container container(Deployable deployable) {
        return one(Deployment.class, deployable.module()).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private <T extends HasMetadata> T one(Class<T> kind, String name) {
        return builtIn.stream().filter(kind::isInstance).map(kind::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " in deploy/k8s"));
    }

    /** Parsed into the model; any field the model does not know (it lands in additionalProperties) fails. */
    private HasMetadata parseStrictly(Map<String, Object> document) {
        HasMetadata parsed = kubernetes.unmarshal(kubernetes.asJson(document));
        List<String> unknown = new ArrayList<>();
        unknownFields(parsed, document.get("kind") + " " + name(document), unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError("fields the Kubernetes model does not know: " + unknown);
        }
        return parsed;
    }

    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            items.forEach(item -> unknownFields(item, path + "[]", unknown));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            try {
                Object child = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + " " + extra.keySet());
                    }
                } else {
                    unknownFields(child, path + "." + getter.getName().substring(3), unknown);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String catching(Runnable runnable) {
        try {
            runnable.run();
            return "";
        } catch (AssertionError refused) {
            return refused.getMessage();
        }
    }

    private static Set<String> consumedTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(DeploymentFiles.ROOT)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main"))
                    .toList()) {
                Matcher listeners = LISTENED.matcher(Files.readString(source));
                while (listeners.find()) {
                    TOPIC.matcher(listeners.group(1)).results().forEach(m -> topics.add(m.group(1)));
                }
            }
        }
        return topics;
    }

    private static String name(Map<String, Object> document) {
        return String.valueOf(DeploymentFiles.section(document, "metadata").get("name"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> resources() {
        return (List<String>) kustomization().get("resources");
    }

    private static Map<String, Object> kustomization() {
        try {
            return new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String file : resources()) {
            try {
                for (Object document : CrdSchemas.deepYaml().loadAll(Files.readString(K8S.resolve(file)))) {
                    if (document != null) {
                        all.add((Map<String, Object>) document);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>minzheng</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(DeploymentFiles.ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }
}
