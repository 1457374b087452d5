package cn.minzheng.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A kept answer is given again only while nothing it read was written: a write to the collection, to a collection an
 * aggregation looks up, or any command the cache does not know is seen by the next read; a write elsewhere is not a
 * reason to compute again; and a read that follows a write, however many readers race it, sees that write.
 */
class ReadCachingBackendTest {

    private final ReadCachingBackend backend = new ReadCachingBackend(new MemoryBackend());
    private final MongoServer server = new MongoServer(backend);
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoCollection<Document> households = client.getDatabase("assistance").getCollection("households");
    private final MongoCollection<Document> audit = client.getDatabase("assistance").getCollection("audit");

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private List<String> page() {
        return households.find(Filters.eq("division", "320404")).sort(new Document("_id", 1)).limit(20)
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    @Test
    void a_page_and_its_count_are_answered_again_until_the_collection_is_written() {
        households.insertOne(new Document("_id", "h-1").append("division", "320404"));
        assertThat(page()).containsExactly("h-1");
        long before = backend.answeredAgain();
        assertThat(page()).containsExactly("h-1");
        assertThat(households.countDocuments(Filters.eq("division", "320404"))).isEqualTo(1);
        assertThat(households.countDocuments(Filters.eq("division", "320404"))).isEqualTo(1);
        assertThat(backend.answeredAgain()).isEqualTo(before + 2);

        audit.insertOne(new Document("action", "READ"));
        assertThat(page()).as("a write elsewhere changes nothing here").containsExactly("h-1");
        assertThat(backend.answeredAgain()).isEqualTo(before + 3);

        households.insertOne(new Document("_id", "h-2").append("division", "320404"));
        assertThat(page()).containsExactly("h-1", "h-2");
        households.updateOne(Filters.eq("_id", "h-1"), Updates.set("division", "320413"));
        assertThat(page()).containsExactly("h-2");
        assertThat(households.countDocuments(Filters.eq("division", "320404"))).isEqualTo(1);
        households.deleteOne(Filters.eq("_id", "h-2"));
        assertThat(page()).isEmpty();
        households.drop();
        assertThat(page()).isEmpty();
    }

    @Test
    void an_aggregation_is_computed_again_when_a_collection_it_looks_up_is_written() {
        households.insertOne(new Document("_id", "h-1").append("division", "320404"));
        var members = client.getDatabase("assistance").getCollection("members");
        members.insertOne(new Document("household", "h-1").append("name", "王秀英"));
        var pipeline = List.of(Aggregates.lookup("members", "_id", "household", "members"));
        assertThat(households.aggregate(pipeline).first().getList("members", Document.class)).hasSize(1);
        assertThat(households.aggregate(pipeline).first().getList("members", Document.class)).hasSize(1);

        members.insertOne(new Document("household", "h-1").append("name", "李建国"));
        assertThat(households.aggregate(pipeline).first().getList("members", Document.class)).hasSize(2);
    }

    @Test
    void a_read_after_a_write_sees_it_while_other_readers_race() throws Exception {
        households.insertOne(new Document("_id", "h-1").append("division", "320404").append("version", 0));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(readers.submit(() -> {
                while (running.get()) {
                    households.find(Filters.eq("division", "320404")).first();
                }
            }));
        }
        try {
            for (int version = 1; version <= 300; version++) {
                households.updateOne(Filters.eq("_id", "h-1"), Updates.set("version", version));
                assertThat(households.find(Filters.eq("division", "320404")).first().getInteger("version"))
                        .isEqualTo(version);
            }
        } finally {
            running.set(false);
            for (Future<?> reader : racing) {
                reader.get();
            }
            readers.shutdown();
        }
    }
}
