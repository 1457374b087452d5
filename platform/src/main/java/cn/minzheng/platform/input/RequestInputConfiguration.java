package cn.minzheng.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.function.Function;

import cn.minzheng.platform.problem.ProblemResponses;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class RequestInputConfiguration {

    /** {@code minzheng.request.max-body-size}: 1 MB unless set, like the gateway's limit. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ProblemResponses problems,
            @Value("${minzheng.request.max-body-size:1MB}") DataSize maxBodySize) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimit(maxBodySize.toBytes(), problems));
        // After the request id (problems carry it), before security and everything that reads a body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies(java.time.Clock clock) {
        return new StrictRequestBodies(clock);
    }

    /**
     * Query and path parameters of a date type are parsed as ISO-8601 (what {@code @DateTimeFormat(iso = ...)}
     * asks for) and checked against {@link RequestDates}. Registered after Spring's own formatters, so these are
     * the ones used for every parameter, annotated or not.
     */
    @Bean
    WebMvcConfigurer boundedDateParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(String.class, LocalDate.class,
                        parsed(LocalDate::parse, RequestDates::checked));
                registry.addConverter(String.class, YearMonth.class,
                        parsed(YearMonth::parse, RequestDates::checked));
                registry.addConverter(String.class, OffsetDateTime.class,
                        parsed(OffsetDateTime::parse, RequestDates::checked));
                registry.addConverter(String.class, Instant.class,
                        parsed(Instant::parse, RequestDates::checked));
            }
        };
    }

    private static <T> Converter<String, T> parsed(Function<String, T> parse, Function<T, T> check) {
        // An empty parameter is an absent one, as with Spring's own formatters.
        return text -> text.isBlank() ? null : check.apply(parse.apply(text.strip()));
    }
}
