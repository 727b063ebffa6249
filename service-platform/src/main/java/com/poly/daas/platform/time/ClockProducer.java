package com.poly.daas.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now". Code never calls Instant.now(): the system clock in production, the admin-movable
 * {@link DemoClock} in the demo profile ({@link DemoMode}), a test clock in tests (test-support replaces this bean).
 */
@Singleton
public class ClockProducer {
    @Produces
    @Singleton
    @DefaultBean
    Clock clock(DemoClock demo, @ConfigProperty(name = "daas.demo.enabled", defaultValue = "false") boolean demoEnabled) {
        return demoEnabled ? demo : Clock.systemUTC();
    }
}
