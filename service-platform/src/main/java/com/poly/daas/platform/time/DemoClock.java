package com.poly.daas.platform.time;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo profile's clock (issue 14): real time shifted by an offset an admin sets or advances, so the programme's
 * day-long clocks (return within 10 business days, monthly invoices) and the scheduled jobs move through days in
 * minutes. Time keeps flowing from the shifted instant. Never used outside the demo profile ({@link DemoMode}).
 */
@Singleton
@Typed(DemoClock.class) // not a Clock bean itself: ClockProducer decides which clock the services get
public class DemoClock extends Clock {
    private static final Clock SYSTEM = Clock.systemUTC();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** "Now" becomes {@code instant}, and flows on from there. */
    public Instant set(Instant instant) {
        offset.set(Duration.between(SYSTEM.instant(), instant));
        return instant();
    }

    /** Moves "now" forward (a negative amount is refused: time in the demo never goes back but by reset). */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("advance must not be negative");
        }
        offset.updateAndGet(o -> o.plus(amount));
        return instant();
    }

    /** Back to the real time. */
    public Instant reset() {
        offset.set(Duration.ZERO);
        return instant();
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return SYSTEM.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("services work in UTC instants");
    }
}
