package cn.minzheng.registry.marriage.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.events.OutboxEvent;

/** The wire format of marriage.registered: dates as ISO days, spouses by personRef only. */
class MarriageRegisteredWireTest {

    @Test
    void the_registration_day_goes_out_as_an_iso_date_and_the_spouses_as_person_refs() {
        List<String> refs = List.of("a".repeat(64), "b".repeat(64));
        OutboxEvent event = OutboxEvent.of(new MarriageRegistered("mar-1", refs, "office-320404-01", "320404",
                LocalDate.of(2027, 5, 20)), "mar-1", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThat(event.type()).isEqualTo(MarriageRegistered.TYPE);
        assertThat(event.data()).containsEntry("registeredOn", "2027-05-20").containsEntry("personRefs", refs)
                .containsOnlyKeys("marriageId", "personRefs", "officeId", "division", "registeredOn");
    }
}
