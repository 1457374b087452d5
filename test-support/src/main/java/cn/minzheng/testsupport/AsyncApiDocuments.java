package cn.minzheng.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The published description of a service's events stays true: every event type the code emits has a JSON Schema
 * and a message in asyncapi.yaml, and neither lists a type the code no longer emits. Run from the service module's
 * directory (as surefire does).
 */
public final class AsyncApiDocuments {

    private AsyncApiDocuments() {
    }

    public static void assertDescribeTheCode(String service) throws IOException {
        Set<String> inCode = typesInCode(service);
        Set<String> schemas = schemaFiles();
        Set<String> inDocument = new TreeSet<>();
        Set<String> referencedSchemas = new TreeSet<>();
        try (InputStream in = AsyncApiDocuments.class.getResourceAsStream("/asyncapi.yaml")) {

            Map<String, Object> document = new Yaml().load(in);
            assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
            @SuppressWarnings("unchecked")
            var messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components"))
                    .get("messages");
            messages.values().forEach(message -> {
                inDocument.add((String) message.get("name"));
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

    private static Set<String> typesInCode(String service) throws IOException {
        Pattern eventType = Pattern.compile("\"(minzheng\\." + service + "\\.[a-z-]+\\.[a-z-]+\\.v\\d+)\"");
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = eventType.matcher(Files.readString(file));
                while (matcher.find()) {
                    types.add(matcher.group(1));
                }
            }
        }
        return types;
    }

    private static Set<String> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/events"))) {
            return files.map(f -> f.getFileName().toString().replace(".schema.json", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
