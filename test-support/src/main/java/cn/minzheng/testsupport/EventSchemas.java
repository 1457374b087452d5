package cn.minzheng.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Checks events against the JSON Schema their producer publishes ({@code events/<type>.schema.json} on the
 * producer's classpath, DESIGN.md §5): a producer test hands every event it caused to {@link #violations}, so a
 * field renamed in code but not in the schema (or the other way round) fails the build.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** What is wrong with these events (empty when every one has a schema and matches it). */
    public static List<String> violations(List<ConsumerRecord<String, byte[]>> records) {
        return violations(records, null);
    }

    /**
     * The same, with the schemas read from a producer module's folder (system tests run the services as jars and
     * do not have them on their classpath).
     */
    public static List<String> violations(List<ConsumerRecord<String, byte[]>> records, Path schemaDirectory) {
        List<String> problems = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = TopicRecords.type(record);
            if (type == null) {
                problems.add("offset " + record.offset() + ": not a CloudEvent (no ce_type)");
                continue;
            }
            problems.addAll(violations(type, TopicRecords.body(record), schemaDirectory).stream()
                    .map(problem -> type + " " + TopicRecords.header(record, "ce_id") + ": " + problem).toList());
        }
        return problems;
    }

    public static List<String> violations(String type, String json) {
        return violations(type, json, null);
    }

    private static List<String> violations(String type, String json, Path schemaDirectory) {
        Schema schema = schemaDirectory == null ? schemaFor(type) : schemaIn(schemaDirectory, type);
        if (schema == null) {
            return List.of("no schema events/" + type + ".schema.json on the classpath");
        }
        return schema.validate(json, InputFormat.JSON).stream().map(error -> error.toString()).toList();
    }

    public static boolean hasSchema(String type) {
        return schemaFor(type) != null;
    }

    private static Schema schemaIn(Path directory, String type) {
        Path file = directory.resolve(type + ".schema.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schemaFor(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = EventSchemas.class.getClassLoader()
                    .getResourceAsStream("events/" + t + ".schema.json")) {
                return in == null ? null : REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
