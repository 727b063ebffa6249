package com.poly.daas.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.regex.Pattern;

/**
 * Strict JSON for every service's request bodies: a value must have the type the schema gives it. No scalar
 * coercions (a number is not a string, a date or a boolean; a string is not a number; {@code 1} is not {@code true}),
 * lenient dates off ({@code 12345} is not a day), enums by name only, a missing or null number is not 0, a key is given
 * once, nothing after the JSON value, unknown fields refused. Strings may not carry control characters other than line
 * feed, carriage return and tab, nor unpaired surrogates ({@link CleanText}). Decimal amounts (money) are plain
 * decimal strings such as {@code "24.90"}: no JSON numbers (binary floats) and no exponent ({@code "1e3"}).
 * Every refusal is a 400 problem naming the field ({@link ProblemExceptionMappers}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /** A plain decimal: optional minus, digits, optional fraction. No exponent, sign '+', spaces or thousands separators. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Applies the strict settings to {@code mapper} (also used by unit tests). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.setDefaultLeniency(false);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.OtherScalar, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        mapper.registerModule(new SimpleModule("daas-strict-input")
                .addDeserializer(String.class, new CleanStringDeserializer())
                .addDeserializer(BigDecimal.class, new DecimalStringDeserializer())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                                  JsonDeserializer<?> deserializer) {
                        return Temporal.class.isAssignableFrom(description.getBeanClass())
                                ? new TextOnlyDeserializer(deserializer, description.getBeanClass()) : deserializer;
                    }
                }));
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** A JSON string only (coercions refused by the standard deserializer), free of control characters. */
    static final class CleanStringDeserializer extends StdScalarDeserializer<String> {
        CleanStringDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : StringDeserializer.instance.deserialize(p, ctxt);
            String problem = CleanText.problem(text, true);
            if (problem != null) {
                throw new InvalidFormatException(p, problem, text, String.class);
            }
            return text;
        }
    }

    /** Dates and times are ISO-8601 strings: an epoch number ({@code 1700000000}, {@code 12345}) is refused. */
    static final class TextOnlyDeserializer extends DelegatingDeserializer {
        private final Class<?> type;

        TextOnlyDeserializer(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnlyDeserializer(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && p.currentToken().isScalarValue() && !p.hasToken(JsonToken.VALUE_STRING)) {
                throw new InvalidFormatException(p, "must be an ISO-8601 string", p.getText(), type);
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Amounts are decimal strings ("24.90"), as the documents declare: never a JSON number, never an exponent. */
    static final class DecimalStringDeserializer extends StdScalarDeserializer<BigDecimal> {
        DecimalStringDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new InvalidFormatException(p, "must be a decimal string such as \"24.90\", not a JSON "
                        + (p.currentToken() == null ? "value" : p.currentToken().isNumeric() ? "number" : "value"),
                        p.getText(), BigDecimal.class);
            }
            String text = p.getText();
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                throw new InvalidFormatException(p, "must be a plain decimal string such as \"24.90\" (no exponent, sign or spaces)",
                        text, BigDecimal.class);
            }
            return new BigDecimal(text);
        }
    }
}
