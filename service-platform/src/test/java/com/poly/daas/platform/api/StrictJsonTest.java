package com.poly.daas.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON rules on their own, with the problem each refusal becomes (docs/api-conventions.md). */
class StrictJsonTest {
    enum Kind { HARDWARE, SOFTWARE }

    record Money(BigDecimal amount, String currency) {
    }

    record Sample(String name, Integer count, Boolean active, LocalDate on, Instant at, Kind kind, Money fee,
                  List<String> tags) {
    }

    record Days(int days) {
    }

    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    private Sample read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Sample.class);
    }

    private static Problem problem(Throwable e) {
        return ProblemExceptionMappers.jsonProblem((JsonProcessingException) e).toProblem("/samples");
    }

    @Test
    void wellTypedInputIsRead() throws Exception {
        Sample sample = read("""
                {"name":"line 1\\nline 2\\t(tab)","count":3,"active":true,"on":"2026-11-24","at":"2026-11-24T09:15:00Z",
                 "kind":"SOFTWARE","fee":{"amount":"24.90","currency":"USD"},"tags":["a","b"]}""");
        assertThat(sample.fee().amount()).isEqualByComparingTo("24.90");
        assertThat(sample.on()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(sample.name()).contains("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":12345}", "{\"name\":true}", "{\"name\":1.5}",
            "{\"count\":\"3\"}", "{\"count\":\"1e3\"}", "{\"count\":1.5}", "{\"count\":true}",
            "{\"active\":1}", "{\"active\":\"true\"}",
            "{\"on\":12345}", "{\"on\":\"2026-02-30\"}", "{\"at\":1700000000}",
            "{\"kind\":0}",
            "{\"fee\":{\"amount\":\"1e3\",\"currency\":\"USD\"}}", "{\"fee\":{\"amount\":1000,\"currency\":\"USD\"}}",
            "{\"fee\":{\"amount\":\"+5\",\"currency\":\"USD\"}}", "{\"fee\":{\"amount\":\" 5\",\"currency\":\"USD\"}}",
            "{\"name\":\"a\\u0000b\"}", "{\"name\":\"a\\u001bb\"}", "{\"name\":\"a\\u0085b\"}", "{\"name\":\"a\\ud800b\"}",
            "{\"tags\":[\"ok\",\"a\\u0000\"]}", "{\"tags\":[1]}"})
    void aValueOfTheWrongTypeOrWithAControlCharacterIsA400NamingTheField(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(JsonProcessingException.class).satisfies(e -> {
            Problem problem = problem(e);
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).as(json + " -> " + problem.detail()).isNotEmpty();
            String field = json.substring(2, json.indexOf('"', 2));
            assertThat(problem.errors().get(0).field()).startsWith(field);
        });
    }

    @Test
    void aMissingOrNullNumberIsNotZeroAndAKeyIsGivenOnce() {
        assertThatThrownBy(() -> mapper.readValue("{\"days\":null}", Days.class)).satisfies(e ->
                assertThat(problem(e).errors().get(0).field()).isEqualTo("days"));
        assertThatThrownBy(() -> mapper.readValue("{}", Days.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"name\":\"b\"}")).satisfies(e ->
                assertThat(problem(e).status()).isEqualTo(400));
    }

    @Test
    void nothingMayFollowTheJsonValue() {
        assertThatThrownBy(() -> read("{\"name\":\"x\"} {\"name\":\"y\"}")).satisfies(e ->
                assertThat(problem(e).detail()).contains("unexpected content after the JSON value"));
    }

    @Test
    void theReasonSaysWhatWasExpected() {
        assertThatThrownBy(() -> read("{\"active\":1}")).satisfies(e ->
                assertThat(problem(e).errors().get(0).message()).isEqualTo("must be true or false, not 1"));
        assertThatThrownBy(() -> read("{\"fee\":{\"amount\":\"1e3\",\"currency\":\"USD\"}}")).satisfies(e -> {
            assertThat(problem(e).errors().get(0).field()).isEqualTo("fee.amount");
            assertThat(problem(e).errors().get(0).message()).contains("plain decimal string");
        });
        assertThatThrownBy(() -> read("{\"name\":\"a\\u0000b\"}")).satisfies(e ->
                assertThat(problem(e).errors().get(0).message()).contains("U+0000"));
    }

    @Test
    void cleanTextAllowsLineBreaksAndTabsInFreeTextOnly() {
        assertThat(CleanText.problem("a\nb\tc\rd", true)).isNull();
        assertThat(CleanText.problem("a\nb", false)).contains("U+000A");
        assertThat(CleanText.problem("emoji \uD83D\uDE00", false)).isNull();
        assertThat(CleanText.problem("half \uDE00", true)).contains("unpaired surrogate");
        assertThat(CleanText.problem("del \u007f", true)).contains("U+007F");
    }
}
