package com.poly.daas.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now". Code never calls Instant.now(): the system clock in production, the admin-movable
 * {@link DemoClock} in the demo profile ({@link DemoMode}), a test clock in tests (test-support replaces this bean).
 * {@code daas.clock.offset} (default none) starts the demo clock shifted, e.g. a second replica thirty days ahead in a
 * system test; like the demo flag it is refused outside the demo profile.
 */
@Singleton
public class ClockProducer {
    @Produces
    @Singleton
    @DefaultBean
    Clock clock(DemoClock demo, @ConfigProperty(name = "daas.demo.enabled", defaultValue = "false") boolean demoEnabled,
                @ConfigProperty(name = "daas.clock.offset", defaultValue = "PT0S") Duration offset) {
        if (!demoEnabled) {
            return Clock.systemUTC(); // DemoMode refuses to start with an offset outside the demo profile
        }
        demo.advance(offset);
        return demo;
    }
}
