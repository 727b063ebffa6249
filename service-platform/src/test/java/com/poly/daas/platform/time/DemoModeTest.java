package com.poly.daas.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14: the movable clock exists only in the demo profile; production refuses the flag. */
class DemoModeTest {

    @Test
    void theDemoFlagIsRefusedOutsideTheDemoProfile() {
        assertThat(DemoMode.refusal(true, List.of("prod"))).hasValueSatisfying(r -> assertThat(r).contains("demo"));
        assertThat(DemoMode.refusal(true, List.of("dev"))).isPresent();
        assertThat(DemoMode.refusal(true, List.of("demo", "prod"))).isEmpty();
        assertThat(DemoMode.refusal(false, List.of("prod"))).isEmpty();
        assertThat(DemoMode.refusal(false, Duration.ofDays(30), List.of("prod"))).as("a shifted clock is demo mode too").isPresent();
        assertThat(DemoMode.refusal(true, Duration.ofDays(30), List.of("demo", "prod"))).isEmpty();
    }

    @Test
    void theDemoClockIsSetAdvancedAndResetAndKeepsFlowing() {
        DemoClock clock = new DemoClock();
        Instant monday = Instant.parse("2027-01-04T09:00:00Z");
        assertThat(clock.set(monday)).isBetween(monday, monday.plusSeconds(5));
        assertThat(clock.advance(Duration.ofDays(10))).isBetween(monday.plus(Duration.ofDays(10)),
                monday.plus(Duration.ofDays(10)).plusSeconds(5));
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        Instant real = Instant.now();
        assertThat(clock.reset()).isBetween(real.minusSeconds(5), real.plusSeconds(5));
        assertThat(clock.offset()).isZero();
    }
}
