package cn.minzheng.platform.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.BsonArray;
import org.bson.BsonDocument;

/**
 * How many documents the store returned, per collection ({@value #METRIC}): the driver's own metric counts round
 * trips, not what each brought back, and a worklist page or a sweep must cost documents in proportion to its work,
 * not to the register. Counts the batches of {@code find}, {@code getMore} and {@code aggregate} replies.
 */
final class DocumentsReturned implements CommandListener {

    static final String METRIC = "minzheng.store.documents.returned";

    private final MeterRegistry meters;
    /** The collection of each command in flight, by request id: a reply does not name it. */
    private final Map<Integer, String> inFlight = new ConcurrentHashMap<>();

    DocumentsReturned(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        BsonDocument command = event.getCommand();
        if (("find".equals(name) || "aggregate".equals(name)) && command.isString(name)) {
            inFlight.put(event.getRequestId(), command.getString(name).getValue());
        } else if ("getMore".equals(name) && command.isString("collection")) {
            inFlight.put(event.getRequestId(), command.getString("collection").getValue());
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        String collection = inFlight.remove(event.getRequestId());
        BsonDocument reply = event.getResponse();
        if (collection == null || !reply.isDocument("cursor")) {
            return;
        }
        BsonDocument cursor = reply.getDocument("cursor");
        BsonArray batch = cursor.isArray("firstBatch") ? cursor.getArray("firstBatch")
                : cursor.getArray("nextBatch", new BsonArray());
        Counter.builder(METRIC).description("Documents the store returned, by collection")
                .tag("collection", collection).register(meters).increment(batch.size());
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        inFlight.remove(event.getRequestId());
    }
}
