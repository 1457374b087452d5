package cn.minzheng.orgs.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import cn.minzheng.orgs.organization.AnnualReportSweep;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 30.6: a worklist page and the annual-report sweep read by stored, indexed dates, so what they cost the store
 * follows the page and the organisations due, not the register. Measured on the test's own thread (the relay's and
 * other jobs' commands are not counted) at 20 and at 80 organisations of a county, a quarter of them on the 僵尸
 * worklist: a page of 5 costs the same round trips and returns the same documents at both sizes, and the sweep, with
 * nobody due, reads nothing.
 */
@ServiceTest
@TestPropertySource(properties = {"minzheng.test.database=orgs-worklist-round-trips",
        "minzheng.orgs.report-sweep-initial-delay=PT1H"})
class WorklistRoundTripsTest extends OrgsFlow {

    static final String COUNTY = "320402";
    static final String OFFICER = TestJwts.token("orgs-officer-tn", COUNTY, "orgs-officer");

    static volatile Thread measured;
    static final AtomicLong COMMANDS = new AtomicLong();
    static final AtomicLong DOCUMENTS = new AtomicLong();

    @TestConfiguration
    static class CountCommands {
        @Bean
        MongoClientSettingsBuilderCustomizer countWorklistCommands() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (Thread.currentThread() == measured) {
                        COMMANDS.incrementAndGet();
                    }
                }

                @Override
                public void commandSucceeded(CommandSucceededEvent event) {
                    if (Thread.currentThread() == measured && event.getResponse().containsKey("cursor")) {
                        BsonDocument cursor = event.getResponse().getDocument("cursor");
                        BsonArray batch = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch")
                                : cursor.getArray("nextBatch", new BsonArray());
                        DOCUMENTS.addAndGet(batch.size());
                    }
                }
            });
        }
    }

    record Cost(long roundTrips, long documents) {
    }

    @Autowired
    Organizations organizations;

    @Autowired
    AnnualReportSweep sweep;

    @Test
    void a_worklist_page_and_the_sweep_cost_the_same_at_four_times_the_register() {
        register(20);
        Cost atTwenty = page();
        Cost sweepAtTwenty = sweep();
        register(60);
        Cost atEighty = page();
        Cost sweepAtEighty = sweep();

        LoggerFactory.getLogger(getClass()).info("Worklist page of 5: {} at 20 organisations, {} at 80; sweep: {}, {}",
                atTwenty, atEighty, sweepAtTwenty, sweepAtEighty);
        assertThat(organizations.countRevocable(DivisionCode.of(COUNTY), today())).isEqualTo(20);
        assertThat(atEighty).isEqualTo(atTwenty);
        assertThat(atTwenty).as("a find for the page's five, and a count with its one answer")
                .isEqualTo(new Cost(2, 6));
        assertThat(sweepAtEighty).isEqualTo(sweepAtTwenty);
    }

    private Cost page() {
        return measure(() -> {
            organizations.revocable(DivisionCode.of(COUNTY), today(), 0, 5);
            organizations.countRevocable(DivisionCode.of(COUNTY), today());
        });
    }

    /** The sweep lists nobody here: the zombies were listed when registered by the day; it still reads no one. */
    private Cost sweep() {
        sweep.sweep(); // what is due from registration is listed now; the measured run finds nothing left
        return measure(sweep::sweep);
    }

    private static Cost measure(Runnable work) {
        long commands = COMMANDS.get();
        long documents = DOCUMENTS.get();
        measured = Thread.currentThread();
        try {
            work.run();
        } finally {
            measured = null;
        }
        return new Cost(COMMANDS.get() - commands, DOCUMENTS.get() - documents);
    }

    /** A quarter registered in 2022 (two years without reports by now), the rest this year. */
    private void register(int count) {
        for (int i = 0; i < count; i++) {
            String body = "51" + COUNTY + UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("000000000")
                    .substring(0, 9);
            String registeredOn = i % 4 == 0 ? "2022-03-01" : today().withDayOfYear(1).toString();
            var created = http.postJson("/api/orgs/organizations", OFFICER, """
                    {"name":"天宁区测试协会%s","type":"ASSOCIATION","creditCode":"%s","directRegistration":true,
                     "legalRepresentative":{"name":"蒋涛","idNumber":"%s"},"businessScope":"行业交流",
                     "divisionCode":"%s","registeredOn":"%s"}""".formatted(UUID.randomUUID().toString()
                    .substring(0, 6), body + CreditCode.checkCharacter(body), TestIdNumbers.male(COUNTY,
                            LocalDate.of(1968, 8, 8).plusDays(i)), COUNTY, registeredOn));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
    }
}
