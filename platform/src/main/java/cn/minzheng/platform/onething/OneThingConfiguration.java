package cn.minzheng.platform.onething;

import java.time.Clock;
import java.util.Locale;

import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.text.Texts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** On in a service that answers after-death cases: {@code minzheng.one-thing.office} names its office. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(OneThingConfiguration.OFFICE)
public class OneThingConfiguration {

    /** The office's name in case steps (ASSISTANCE, ELDERCARE, REGISTRY): its service's name, upper case. */
    public static final String OFFICE = "minzheng.one-thing.office";

    @Bean
    OneThingSteps oneThingSteps(MongoTemplate mongo, OutboxWrites writes) {
        return new OneThingSteps(mongo, writes);
    }

    @Bean
    RetractionReports retractionReports(MongoTemplate mongo, OutboxWrites writes) {
        return new RetractionReports(mongo, writes);
    }

    @Bean
    OneThingReports oneThingReports(@Value("${" + OFFICE + "}") String office, OneThingSteps steps,
            RetractionReports retractions, Texts texts, Clock clock) {
        return new OneThingReports(office.toUpperCase(Locale.ROOT), steps, retractions, texts, clock);
    }
}
