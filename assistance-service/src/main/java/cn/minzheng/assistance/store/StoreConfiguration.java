package cn.minzheng.assistance.store;

import java.time.YearMonth;

import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.store.StoreConverters;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * How this service's value types are stored: money as its exact decimal string (never a binary double), months as
 * {@code 2026-01}, so documents read the way the bureau writes them.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    StoreConverters assistanceConverters() {
        return StoreConverters.of(new MoneyToString(), new StringToMoney(), new MonthToString(), new StringToMonth());
    }

    @WritingConverter
    static class MoneyToString implements Converter<Money, String> {
        @Override
        public String convert(Money source) {
            return source.amount().toPlainString();
        }
    }

    @ReadingConverter
    static class StringToMoney implements Converter<String, Money> {
        @Override
        public Money convert(String source) {
            return Money.of(source);
        }
    }

    @WritingConverter
    static class MonthToString implements Converter<YearMonth, String> {
        @Override
        public String convert(YearMonth source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static class StringToMonth implements Converter<String, YearMonth> {
        @Override
        public YearMonth convert(String source) {
            return YearMonth.parse(source);
        }
    }
}
