package cn.minzheng.platform.store;

import java.util.ArrayList;
import java.util.List;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.text.Text;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How the platform's value types are stored, for every service: a division code as its plain digits (so
 * {@code within(division)}'s anchored prefix and an index on {@code division} serve it), plus what each service
 * adds with a {@link StoreConverters} bean. Without this, a {@code DivisionCode} field would be stored as a
 * sub-document and no division query would find it; the same for a {@code CreditCode}.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions(ObjectProvider<StoreConverters> services) {
        List<Object> converters = new ArrayList<>(List.of(new DivisionCodeToString(), new StringToDivisionCode(),
                new CreditCodeToString(), new StringToCreditCode(), new LegacyText()));
        services.orderedStream().forEach(service -> converters.addAll(service.converters()));
        return new MongoCustomConversions(converters);
    }

    /** Documents the store returned per collection, as a metric beside the driver's round trips. */
    @Bean
    org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer documentsReturned(
            ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        return settings -> meters.ifAvailable(registry -> settings.addCommandListener(new DocumentsReturned(registry)));
    }

    /**
     * Deletes the expired records of every ledger that declares them ({@link ExpiringRecords} beans), hourly unless
     * {@code minzheng.store.expiry-interval} says otherwise.
     */
    @Bean
    RecordExpiry recordExpiry(MongoTemplate mongo, List<ExpiringRecords> expiring, java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${minzheng.store.expiry-interval:PT1H}")
            java.time.Duration interval) {
        return new RecordExpiry(mongo, expiring, clock, interval);
    }

    /** A text field written as plain words by an older version reads as those words (see {@link Text#verbatim}). */
    @ReadingConverter
    static final class LegacyText implements Converter<String, Text> {
        @Override
        public Text convert(String words) {
            return Text.verbatim(words);
        }
    }

    @WritingConverter
    static final class DivisionCodeToString implements Converter<DivisionCode, String> {
        @Override
        public String convert(DivisionCode source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class StringToDivisionCode implements Converter<String, DivisionCode> {
        @Override
        public DivisionCode convert(String source) {
            return DivisionCode.of(source);
        }
    }

    /** A credit code is stored as its 18 characters, so that an organisation's records are found by it. */
    @WritingConverter
    static final class CreditCodeToString implements Converter<CreditCode, String> {
        @Override
        public String convert(CreditCode source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class StringToCreditCode implements Converter<String, CreditCode> {
        @Override
        public CreditCode convert(String source) {
            return CreditCode.of(source);
        }
    }
}
