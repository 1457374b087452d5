package cn.minzheng.platform.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's AsyncAPI document (what it publishes on Kafka) and the event JSON Schemas it references, public like
 * the OpenAPI document: consumers in other teams read them to write their own small event records.
 */
@RestController
public class AsyncApiController {

    @GetMapping(path = "/api/${minzheng.service.name}/asyncapi.yaml", produces = "application/yaml")
    public ResponseEntity<Resource> document() {
        return serve(new ClassPathResource("asyncapi.yaml"));
    }

    @GetMapping(path = "/api/${minzheng.service.name}/events/{type:[a-z0-9.-]+}.schema.json",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Resource> schema(@org.springframework.web.bind.annotation.PathVariable String type) {
        return serve(new ClassPathResource("events/" + type + ".schema.json"));
    }

    private static ResponseEntity<Resource> serve(Resource resource) {
        return resource.exists() ? ResponseEntity.ok(resource) : ResponseEntity.notFound().build();
    }
}
