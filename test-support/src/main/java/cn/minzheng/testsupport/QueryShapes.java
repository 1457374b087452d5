package cn.minzheng.testsupport;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Every query a service's tests sent to the store, by shape: the collection and the fields its filter names
 * (whatever the values). Recorded for the whole test JVM by a driver command listener that
 * {@link ServiceTestInitializer} installs, so that {@code IndexCoverageTest} can check, after the other tests ran,
 * that each shape has an index on a real MongoDB: the embedded store scans whatever is declared, which hides a
 * missing index until a deployment has real data.
 */
public final class QueryShapes {

    /** A query: the collection and the filter's field names, sorted. */
    public record Shape(String collection, SortedSet<String> fields) {
    }

    private static final Set<Shape> SEEN = ConcurrentHashMap.newKeySet();

    public static final CommandListener LISTENER = new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            record(event.getCommandName(), event.getCommand());
        }
    };

    private QueryShapes() {
    }

    public static Set<Shape> seen() {
        return Set.copyOf(SEEN);
    }

    static void record(String command, BsonDocument body) {
        BsonValue target = body.get(command);
        if (target == null || !target.isString()) {
            return;
        }
        String collection = target.asString().getValue();
        switch (command) {
            case "find" -> add(collection, body.get("filter"));
            case "count", "findAndModify", "findandmodify" -> add(collection, body.get("query"));
            case "distinct" -> add(collection, body.get("query"));
            case "aggregate" -> {
                BsonValue pipeline = body.get("pipeline");
                if (pipeline instanceof BsonArray stages && !stages.isEmpty()
                        && stages.get(0).asDocument().containsKey("$match")) {
                    add(collection, stages.get(0).asDocument().get("$match"));
                }
            }
            case "update" -> each(body.get("updates"), "q", collection);
            case "delete" -> each(body.get("deletes"), "q", collection);
            default -> {
                // inserts, index and admin commands carry no filter
            }
        }
    }

    private static void each(BsonValue statements, String filterField, String collection) {
        if (statements instanceof BsonArray array) {
            array.forEach(statement -> add(collection, statement.asDocument().get(filterField)));
        }
    }

    private static void add(String collection, BsonValue filter) {
        SortedSet<String> fields = new TreeSet<>();
        if (filter instanceof BsonDocument document) {
            collect(document, fields);
        }
        if (!fields.isEmpty()) {
            SEEN.add(new Shape(collection, fields));
        }
    }

    /** Top-level fields, and those inside $and/$or/$nor, which an index serves the same way. */
    private static void collect(BsonDocument filter, SortedSet<String> fields) {
        filter.forEach((name, value) -> {
            if (List.of("$and", "$or", "$nor").contains(name) && value instanceof BsonArray parts) {
                parts.forEach(part -> collect(part.asDocument(), fields));
            } else if (!name.startsWith("$")) {
                fields.add(name);
            }
        });
    }
}
