package cn.minzheng.systemtests.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/** The operators' CRD schemas in deploy/crds, found by apiVersion and kind, made strict for checking. */
final class CrdSchemas {

    private CrdSchemas() {
    }

    /** The openAPIV3Schema of the served version of the CRD of this group and kind. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Path crds, String apiVersion, String kind) {
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        try (Stream<Path> files = Files.walk(crds)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).toList()) {
                for (Object document : deepYaml().loadAll(Files.readString(file))) {
                    if (!(document instanceof Map<?, ?> crd) || !"CustomResourceDefinition".equals(crd.get("kind"))) {
                        continue;
                    }
                    var spec = (Map<String, Object>) crd.get("spec");
                    var names = (Map<String, Object>) spec.get("names");
                    if (!group.equals(spec.get("group")) || !kind.equals(names.get("kind"))) {
                        continue;
                    }
                    for (var served : (List<Map<String, Object>>) spec.get("versions")) {
                        if (version.equals(served.get("name")) && Boolean.TRUE.equals(served.get("served"))) {
                            return withObjectFields((Map<String, Object>) ((Map<String, Object>) served
                                    .get("schema")).get("openAPIV3Schema"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no CRD in deploy/crds serves " + apiVersion + " " + kind);
    }

    /** The realm's CRD nests deeper than SnakeYAML's default limit of 50. */
    static Yaml deepYaml() {
        var options = new org.yaml.snakeyaml.LoaderOptions();
        options.setNestingDepthLimit(500);
        options.setCodePointLimit(16 * 1024 * 1024);
        return new Yaml(options);
    }

    /** Every object has apiVersion, kind and metadata; some generated CRDs list only spec and status. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withObjectFields(Map<String, Object> schema) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) copy.getOrDefault("properties",
                Map.of()));
        properties.putIfAbsent("apiVersion", Map.of("type", "string"));
        properties.putIfAbsent("kind", Map.of("type", "string"));
        properties.putIfAbsent("metadata", Map.of("type", "object"));
        copy.put("properties", properties);
        return copy;
    }

    /**
     * A copy in which an object that lists its properties, and neither allows others nor preserves unknown fields,
     * refuses any other field (where the API server would prune it silently).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> strict(Map<String, Object> schema) {
        Map<String, Object> copy = new LinkedHashMap<>();
        schema.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child && !key.equals("properties")) {
                copy.put(key, strict((Map<String, Object>) child));
            } else if (value instanceof Map<?, ?> properties) {
                Map<String, Object> strictProperties = new LinkedHashMap<>();
                ((Map<String, Object>) properties).forEach((name, property) -> strictProperties.put(name,
                        property instanceof Map<?, ?> p ? strict((Map<String, Object>) p) : property));
                copy.put(key, strictProperties);
            } else if (value instanceof List<?> items) {
                copy.put(key, items.stream().map(item -> item instanceof Map<?, ?> m
                        ? strict((Map<String, Object>) m) : item).toList());
            } else {
                copy.put(key, value);
            }
        });
        if (copy.containsKey("properties") && !copy.containsKey("additionalProperties")
                && !Boolean.TRUE.equals(copy.get("x-kubernetes-preserve-unknown-fields"))) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }
}
