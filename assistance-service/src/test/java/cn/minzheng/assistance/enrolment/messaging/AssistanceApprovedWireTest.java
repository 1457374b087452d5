package cn.minzheng.assistance.enrolment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minzheng.platform.events.OutboxEvent;

/** The wire format of assistance.approved: its two shapes carry only their own fields, never nulls. */
class AssistanceApprovedWireTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneOffset.UTC);
    static final List<String> REFS = List.of("a".repeat(64));

    @Test
    void an_enrolment_approval_carries_the_enrolment_its_start_and_amount() {
        OutboxEvent event = OutboxEvent.of(AssistanceApproved.enrolment("enr-1", "hh-1", "DIBAO", "320404001007",
                "ACTIVE", REFS, "2027-01", "1300.00"), "enr-1", CLOCK);

        assertThat(event.type()).isEqualTo("minzheng.assistance.assistance.approved.v1");
        assertThat(event.subject()).isEqualTo("enr-1");
        assertThat(event.data()).isEqualTo(Map.of("enrolmentId", "enr-1", "householdId", "hh-1", "programme",
                "DIBAO", "division", "320404001007", "status", "ACTIVE", "personRefs", REFS, "startMonth", "2027-01",
                "monthlyAmount", "1300.00"));
    }

    @Test
    void a_temporary_payment_carries_the_application_and_the_payment_and_no_enrolment_fields() {
        var approved = AssistanceApproved.temporary("app-1", "hh-1", "320404001007", REFS, "pay-temp-app-1",
                "500.00");
        OutboxEvent event = OutboxEvent.of(approved, "app-1", CLOCK);

        assertThat(approved.version()).isEqualTo(1);
        assertThat(event.data()).containsOnlyKeys("applicationId", "householdId", "programme", "division",
                "personRefs", "paymentId", "amount").containsEntry("programme", "TEMPORARY")
                .containsEntry("amount", "500.00");
    }
}
