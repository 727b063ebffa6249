package com.poly.daas.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one source of "now". Code never calls Instant.now(); tests and demos replace this bean to control time.
 * {@code daas.clock.offset} (default none) shifts a packaged service's clock, for system tests and demos that must
 * see a later day (e.g. a return falling overdue); never set it in production.
 */
@Singleton
public class ClockProducer {
    @ConfigProperty(name = "daas.clock.offset", defaultValue = "PT0S")
    Duration offset;

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        Logger.getLogger(ClockProducer.class).warnf("Clock shifted by %s (daas.clock.offset): for tests and demos only", offset);
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
