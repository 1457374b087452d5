package cn.minzheng.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "事件文档 Events", description = "本服务发布的事件（AsyncAPI）及其数据结构。 The events this service publishes (AsyncAPI) and their schemas.")
@RestController
public class AsyncApiController {

    @Operation(summary = "事件文档 AsyncAPI document",
            description = "本服务发布的全部事件类型、通道和说明。\n"
                    + "Every event type this service publishes, its channel and meaning.")
    @GetMapping(path = "/api/${minzheng.service.name}/asyncapi.yaml", produces = "application/yaml")
    public ResponseEntity<Resource> document() {
        return serve(new ClassPathResource("asyncapi.yaml"));
    }

    @Operation(summary = "事件数据结构 Event schema",
            description = "某一事件类型数据部分的 JSON Schema。\n"
                    + "The JSON Schema of one event type's data.")
    @GetMapping(path = "/api/${minzheng.service.name}/events/{type:[a-z0-9.-]+}.schema.json",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Resource> schema(@org.springframework.web.bind.annotation.PathVariable String type) {
        return serve(new ClassPathResource("events/" + type + ".schema.json"));
    }

    private static ResponseEntity<Resource> serve(Resource resource) {
        return resource.exists() ? ResponseEntity.ok(resource) : ResponseEntity.notFound().build();
    }
}
