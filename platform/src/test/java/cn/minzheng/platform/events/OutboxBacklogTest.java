package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The relay's backlog: bounded, de-duplicated per batch, and the pace a bulk writer waits for. */
class OutboxBacklogTest {

    @Test
    void a_bulk_writer_waits_until_the_relay_has_taken_enough_and_no_longer() throws Exception {
        OutboxBacklog backlog = new OutboxBacklog(1_000);
        backlog.add(IntStream.range(0, 30).boxed().toList(), System.nanoTime());

        Thread relay = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 3; i++) {
                backlog.take(10);
            }
        });

        assertThat(backlog.awaitAtMost(10, Duration.ofSeconds(30))).isTrue();
        relay.join();
        assertThat(backlog.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void without_a_relay_taking_anything_the_writer_stops_waiting_after_the_limit() throws Exception {
        OutboxBacklog backlog = new OutboxBacklog(1_000);
        backlog.add(IntStream.range(0, 30).boxed().toList(), System.nanoTime());

        long start = System.nanoTime();
        assertThat(backlog.awaitAtMost(10, Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void past_its_capacity_the_backlog_takes_no_more_ids_and_asks_for_a_sweep_once_drained() {
        OutboxBacklog backlog = new OutboxBacklog(5);
        backlog.add(List.of("a", "b", "c", "d", "e", "f", "g"), System.nanoTime());

        assertThat(backlog.size()).isEqualTo(5);
        assertThat(backlog.takeSweepRequest()).as("not while ids are in line").isFalse();
        assertThat(backlog.take(100)).containsExactly("a", "b", "c", "d", "e");
        assertThat(backlog.takeSweepRequest()).isTrue();
        assertThat(backlog.takeSweepRequest()).isFalse();
    }

    @Test
    void one_batch_holds_an_id_once_and_a_failed_batch_is_first_in_line_again() {
        OutboxBacklog backlog = new OutboxBacklog(100);
        backlog.add(List.of("a", "b", "a", "c"), System.nanoTime());

        List<Object> batch = backlog.take(3);
        assertThat(batch).containsExactly("a", "b", "c");
        backlog.add(List.of("d"), System.nanoTime());
        backlog.retry(batch, System.nanoTime());
        assertThat(backlog.take(10)).containsExactly("a", "b", "c", "d");
    }
}
