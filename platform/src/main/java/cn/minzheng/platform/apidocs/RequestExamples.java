package cn.minzheng.platform.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import cn.minzheng.platform.ServiceProperties;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic request bodies for the documents (valid check characters, the demo data's division codes and ids), from
 * the service's {@code api-examples.json}: {@code {"POST /api/registry/marriages": {...}}}. Kept as data beside the
 * code rather than in annotations, so that an example is one readable JSON body that a test can send.
 */
final class RequestExamples implements OpenApiCustomizer {

    static final String RESOURCE = "api-examples.json";

    private final Map<String, Object> examples;

    RequestExamples(ServiceProperties service) {
        Map<String, Object> examples = new java.util.HashMap<>(load());
        // The platform's own endpoints, in every service.
        examples.putIfAbsent("POST /api/" + service.name() + "/ping", Map.of("message", "你好"));
        examples.putIfAbsent("POST /api/" + service.name() + "/dev/clock", Map.of("by", "P7D"));
        this.examples = Map.copyOf(examples);
    }

    static Map<String, Object> load() {
        try (InputStream in = RequestExamples.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            return JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Object example = examples.get(method.name() + " " + path);
            if (example != null && operation.getRequestBody() != null
                    && operation.getRequestBody().getContent() != null) {
                MediaType json = operation.getRequestBody().getContent().get("application/json");
                if (json != null) {
                    json.setExample(example);
                }
            }
        }));
    }
}
