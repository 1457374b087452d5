package cn.minzheng.assistance.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 30.8: the allowance sweep asks the store per batch of people, not per person. Its store round trips (the
 * commands the sweep's own thread sends; the relay's and other jobs' are not counted) are measured at 10 and at 40
 * people of a county of its own, in a database of its own: the second run, with four times the people, costs the
 * same number of round trips, where a lookup per person made it grow by three per person.
 */
@ServiceTest
@TestPropertySource(properties = {"minzheng.test.database=assistance-sweep-round-trips",
        "minzheng.assistance.allowance-sweep-initial-delay=PT1H"})
class AllowanceSweepRoundTripsTest {

    static final String COUNTY = "320402";
    static final String OFFICER = TestJwts.token("officer-tn", "320402001", "township-officer");
    static final String PROPOSER = TestJwts.token("approver-tn1", COUNTY, "county-approver");
    static final String APPROVER = TestJwts.token("approver-tn2", COUNTY, "county-approver");

    /** The thread whose commands are counted: the test's, which runs the sweep itself. */
    static volatile Thread measured;
    static final AtomicLong COMMANDS = new AtomicLong();

    @TestConfiguration
    static class CountCommands {
        @Bean
        MongoClientSettingsBuilderCustomizer countSweepCommands() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (Thread.currentThread() == measured) {
                        COMMANDS.incrementAndGet();
                    }
                }
            });
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AllowanceSweep sweep;

    @Autowired
    MongoTemplate mongo;

    @Test
    void the_sweep_costs_the_same_round_trips_for_four_times_the_people() {
        HttpCalls http = new HttpCalls("http://127.0.0.1:" + port);
        var proposed = http.postJson("/api/assistance/allowance-rules", PROPOSER, """
                {"county":"%s","effectiveFrom":"2018-01-01","note":"天宁区分类补贴实施细则",
                 "programmes":[{"programme":"OLD_AGE","bands":[{"minAge":80,"amount":100.00}],
                   "criteria":[{"id":"age-80","minAge":80}]}]}""".formatted(COUNTY));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(http.postJson("/api/assistance/allowance-rules/" + COUNTY + "/versions/1/decision", APPROVER,
                "{\"decision\":\"APPROVE\"}").status()).isEqualTo(200);

        register(http, 10);
        long atTen = measuredSweep();
        register(http, 30);
        long atForty = measuredSweep();

        LoggerFactory.getLogger(getClass()).info("Allowance sweep store round trips: {} for 10 people, {} for 40",
                atTen, atForty);
        assertThat(mongo.count(new Query(Criteria.where("division").regex("^" + COUNTY)), "allowance_proposals"))
                .isEqualTo(40);
        assertThat(atForty).as("round trips at 40 people (%d at 10)", atTen).isLessThanOrEqualTo(atTen + 2);
    }

    private long measuredSweep() {
        long before = COMMANDS.get();
        measured = Thread.currentThread();
        try {
            sweep.daily();
        } finally {
            measured = null;
        }
        return COMMANDS.get() - before;
    }

    private static void register(HttpCalls http, int people) {
        for (int i = 0; i < people; i++) {
            String idNumber = TestIdNumbers.female(COUNTY, LocalDate.of(1940, 1, 1).plusDays(i * 7L));
            var registered = http.postJson("/api/assistance/households", OFFICER, """
                    {"divisionCode":"320402001001","residence":"RURAL","address":"天宁村 %d 号",
                     "members":[{"name":"王奶奶","idNumber":"%s","relation":"HEAD","disabilityGrade":0,"employed":false,"monthlyIncome":0}],
                     "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(i, idNumber));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
    }
}
