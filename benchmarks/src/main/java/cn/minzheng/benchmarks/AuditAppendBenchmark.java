package cn.minzheng.benchmarks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import cn.minzheng.devstack.infra.MongoStore;
import cn.minzheng.platform.audit.AuditEntry;
import cn.minzheng.platform.audit.AuditTrail;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Whether appending to the audit trail costs the same with a thousand records as with a million (issue 13): for
 * each size, a trail is filled through {@link AuditTrail#append} itself, then a fresh {@link AuditTrail} (as after
 * a restart: it must find the head first) appends 5,000 more, each timed. The embedded store runs in this JVM.
 */
final class AuditAppendBenchmark {

    private static final int MEASURED = 5_000;

    private AuditAppendBenchmark() {
    }

    static void run(List<Integer> sizes) throws Exception {
        StringBuilder report = new StringBuilder("Audit append benchmark (" + Instant.now() + ")\n");
        runOnce(20_000); // warm-up (JIT), not reported: otherwise the first size measures a cold JVM
        for (int size : sizes) {
            report.append(runOnce(size));
        }
        report.append("  machine: %d cores; embedded store (in memory) in the same JVM%n"
                .formatted(Runtime.getRuntime().availableProcessors()));
        Reports.write("audit-append-report.txt", report);
    }

    private static String runOnce(int size) throws Exception {
        try (MongoStore store = MongoStore.inMemory();
                MongoClient client = MongoClients.create(store.uri("audit-bench"))) {
            MongoTemplate mongo = new MongoTemplate(client, "audit-bench");
            AuditTrail filling = new AuditTrail(mongo);
            long fillStart = System.nanoTime();
            for (int i = 0; i < size; i++) {
                filling.append(entry(i));
            }
            long fillNanos = System.nanoTime() - fillStart;

            AuditTrail restarted = new AuditTrail(mongo);
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                restarted.append(entry(size + i));
                nanos[i] = System.nanoTime() - start;
            }
            long first = nanos[0];
            long[] rest = Arrays.copyOfRange(nanos, 1, MEASURED);
            Arrays.sort(rest);
            long head = mongo.getCollection("audit").countDocuments();
            return """
                      trail of %,d records (filled by append in %d ms, %,.0f appends/s), then %,d appends by a \
                    fresh instance:
                        first append (finds the head) %.2f ms; then p50 %.3f ms, p99 %.3f ms, max %.2f ms; \
                    records now %,d (expected %,d)
                    """.formatted(size, fillNanos / 1_000_000, size / (fillNanos / 1e9), MEASURED, first / 1e6,
                    rest[rest.length / 2] / 1e6, rest[(int) (rest.length * 0.99)] / 1e6,
                    rest[rest.length - 1] / 1e6, head, size + MEASURED);
        }
    }

    private static AuditEntry entry(int i) {
        return new AuditEntry(Instant.now(), "officer-" + (i % 50), List.of("township-officer"), "320404001",
                "POST /api/assistance/households", "household", "hh-" + i, "201", "req-" + i, null);
    }
}
