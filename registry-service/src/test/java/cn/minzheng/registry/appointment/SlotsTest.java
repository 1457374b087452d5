package cn.minzheng.registry.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.time.MovableClock;
import cn.minzheng.devstack.infra.MongoStore;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.TimeBand;

/** Two instances sharing one slot document: a sold-out slot is remembered briefly, a given-back place comes back. */
class SlotsTest {

    private static final String BAND = "09:00-10:00";

    private final MongoStore store = MongoStore.inMemory();
    private final MongoClient client = MongoClients.create(store.uri("registry"));
    private final MovableClock clock = new MovableClock(Clock.systemUTC(), Duration.ZERO);
    private final Slots first = new Slots(new MongoTemplate(client, "registry"), clock);
    private final Slots second = new Slots(new MongoTemplate(client, "registry"), clock);
    private final Office office = Office.open("T01", "测试", DivisionCode.of("320404"), "-", EnumSet.allOf(DayOfWeek.class),
            List.of(new TimeBand(BAND, 2)));
    private final LocalDate date = LocalDate.of(2026, 12, 1);

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void aPlaceGivenBackOnAnotherInstanceIsOfferedAgainOnceTheMemoryLapses() {
        first.open(office, date);
        second.open(office, date);
        assertThat(first.take(office.id(), date, BAND)).isTrue();
        assertThat(second.take(office.id(), date, BAND)).isTrue();
        assertThat(first.take(office.id(), date, BAND)).as("sold out").isFalse();

        second.giveBack(office.id(), date, BAND);

        // the first instance remembers "full" for a moment (that is the point), then asks the store again and gets it
        assertThat(first.take(office.id(), date, BAND)).as("still remembered as full").isFalse();
        clock.advance(Slots.FULL_REMEMBERED.plusMillis(1));
        assertThat(first.take(office.id(), date, BAND)).as("asks the store again").isTrue();
        assertThat(second.take(office.id(), date, BAND)).as("never more than the capacity").isFalse();
        assertThat(first.places(office, date)).containsExactly(new Slots.Place(BAND, 2, 0));
    }

    @Test
    void aPlaceGivenBackOnTheSameInstanceIsOfferedAtOnce() {
        first.open(office, date);
        first.take(office.id(), date, BAND);
        first.take(office.id(), date, BAND);
        assertThat(first.take(office.id(), date, BAND)).isFalse();

        first.giveBack(office.id(), date, BAND);

        assertThat(first.take(office.id(), date, BAND)).isTrue();
    }
}
