package cn.minzheng.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.minzheng.platform.events.DomainEvent;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The published description of a service's events stays true: every event record the code emits has a JSON Schema
 * with exactly its fields and a message in asyncapi.yaml, and neither lists a type the code no longer emits. Run
 * from the service module's directory (as surefire does).
 */
public final class AsyncApiDocuments {

    private static final JsonMapper SCHEMAS = JsonMapper.builder().build();

    private AsyncApiDocuments() {
    }

    public static void assertDescribeTheCode(String service) throws IOException {
        Set<String> inCode = typesInCode(service);
        Set<String> schemas = schemaFiles();
        Set<String> inDocument = new TreeSet<>();
        Set<String> referencedSchemas = new TreeSet<>();
        try (InputStream in = AsyncApiDocuments.class.getResourceAsStream("/asyncapi.yaml")) {

            Map<String, Object> document = new Yaml().load(in);
            assertThat(document.get("asyncapi")).isEqualTo("3.1.0");
            @SuppressWarnings("unchecked")
            var messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components"))
                    .get("messages");
            messages.values().forEach(message -> {
                inDocument.add((String) message.get("name"));
                assertThat(String.valueOf(message.get("description"))).as("Chinese description of " + message.get("name")
                        + " and of when it is sent").containsPattern("\\p{IsHan}");
                @SuppressWarnings("unchecked")
                var schema = (Map<String, Object>) ((Map<String, Object>) message.get("payload")).get("schema");
                referencedSchemas.add(((String) schema.get("$ref")).replace("events/", "").replace(".schema.json", ""));
            });
        }

        assertThat(inCode).as("event types emitted by the code").isNotEmpty();
        assertThat(schemas).as("schema files").isEqualTo(inCode);
        assertThat(inDocument).as("asyncapi messages").isEqualTo(inCode);
        assertThat(referencedSchemas).as("schemas referenced by asyncapi").isEqualTo(inCode);
    }

    /**
     * The event types the code emits: the {@code TYPE} of every {@link DomainEvent} record of the service. Each
     * record's components must be exactly its schema's properties, and the schema may require only components.
     */
    private static Set<String> typesInCode(String service) throws IOException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
        Set<String> types = new TreeSet<>();
        var candidates = new java.util.ArrayList<>(scanner.findCandidateComponents("cn.minzheng." + service));
        if (answersAfterDeathCases()) {
            // the platform's step and retraction reports, published in this service's name
            candidates.addAll(scanner.findCandidateComponents("cn.minzheng.platform.onething"));
        }
        for (var candidate : candidates) {
            Class<?> record = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            var typeField = ReflectionUtils.findField(record, "TYPE");
            String type = typeField != null ? (String) ReflectionUtils.getField(typeField, null)
                    : (String) ReflectionUtils.invokeMethod(ReflectionUtils.findMethod(record, "typeFor",
                            String.class), null, service);
            assertThat(record.isRecord()).as(record + " is a record").isTrue();
            assertThat(types.add(type)).as("one record per type: " + type).isTrue();
            Set<String> components = new TreeSet<>();
            for (RecordComponent component : record.getRecordComponents()) {
                components.add(component.getName());
            }
            JsonNode schema = SCHEMAS.readTree(Path.of("src/main/resources/events/" + type + ".schema.json").toFile());
            Set<String> properties = new TreeSet<>(schema.path("properties").propertyNames());
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(name -> required.add(name.asString()));
            assertThat(components).as(record.getSimpleName() + " and the properties of its schema").isEqualTo(properties);
            assertThat(components).as("what " + type + " requires").containsAll(required);
        }
        return types;
    }

    /** Whether the service names its office for after-death cases ({@code minzheng.one-thing.office}). */
    @SuppressWarnings("unchecked")
    private static boolean answersAfterDeathCases() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            for (Object document : new Yaml().loadAll(in)) {
                if (document instanceof Map<?, ?> map && map.get("minzheng") instanceof Map<?, ?> minzheng
                        && minzheng.get("one-thing") instanceof Map<?, ?> oneThing && oneThing.get("office") != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/events"))) {
            return files.map(f -> f.getFileName().toString().replace(".schema.json", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
