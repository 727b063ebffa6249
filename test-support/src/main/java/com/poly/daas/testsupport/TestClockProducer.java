package com.poly.daas.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** In tests the service's Clock is a {@link MutableClock}; inject it to control "now". */
@Singleton
public class TestClockProducer {
    private final MutableClock clock = new MutableClock();

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return clock;
    }

    @Produces
    @Singleton
    MutableClock mutableClock() {
        return clock;
    }
}
