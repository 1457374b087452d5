package cn.minzheng.platform.input;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.UnaryOperator;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import cn.minzheng.platform.identity.ResidentIdNumber;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

/**
 * JSON read strictly. A duplicate key is refused (the last one silently won, so a reviewer and the service could
 * read different values in one body); {@code 12.345} is not an integer (it was truncated to 12); {@code "true"} is
 * not a boolean and {@code "5"} not a number. Every string and date of a body passes {@link RequestText} and
 * {@link RequestDates}; a refusal names the field.
 */
final class StrictRequestBodies implements JsonMapperBuilderCustomizer {

    private final Clock clock;

    /** {@code clock}: the service's, against which an ID number's birth date must not lie in the future. */
    StrictRequestBodies(Clock clock) {
        this.clock = clock;
    }

    private static final Set<Class<?>> DATES = Set.of(LocalDate.class, YearMonth.class, OffsetDateTime.class,
            Instant.class);

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(new SimpleModule("minzheng-request-input").setDeserializerModifier(new Checks())
                        .addDeserializer(ResidentIdNumber.class, new IdNumbers(clock)));
    }

    /** An ID number of a body, checked against the service's today (not the machine's). */
    private static final class IdNumbers extends StdScalarDeserializer<ResidentIdNumber> {

        private final transient Clock clock;

        IdNumbers(Clock clock) {
            super(ResidentIdNumber.class);
            this.clock = clock;
        }

        @Override
        public ResidentIdNumber deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(tools.jackson.core.JsonToken.VALUE_STRING)) {
                return (ResidentIdNumber) context.handleUnexpectedToken(ResidentIdNumber.class, parser);
            }
            return ResidentIdNumber.of(parser.getString(), clock);
        }
    }

    private static final class Checks extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new Checked(deserializer, value -> RequestText.checked((String) value));
            }
            return DATES.contains(type) ? new Checked(deserializer, RequestDates::checkedValue) : deserializer;
        }
    }

    /** The standard deserializer of the type, its result checked. */
    private static final class Checked extends DelegatingDeserializer {

        private final transient UnaryOperator<Object> check;

        Checked(ValueDeserializer<?> delegate, UnaryOperator<Object> check) {
            super(delegate);
            this.check = check;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate, check);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return check.apply(super.deserialize(parser, context));
        }
    }
}
