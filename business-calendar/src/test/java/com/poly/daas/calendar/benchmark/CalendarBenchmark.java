package com.poly.daas.calendar.benchmark;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.calendar.BusinessCalendars;
import com.poly.daas.calendar.CalendarKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths of ticket-service (S1 clocks) and rma-service (A3 due dates), on one thread, after warm-up:
 * the year tables are built in {@link #setUp()}, so the holiday library is not called while measuring.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CalendarBenchmark {

    private static final int SIZE = 1 << 12;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private BusinessCalendar calendar;
    private final LocalDate[] dates = new LocalDate[SIZE];
    private final Instant[] starts = new Instant[SIZE];
    private final Instant[] ends = new Instant[SIZE];
    private final Duration[] amounts = new Duration[SIZE];
    private int next;

    @Setup
    public void setUp() {
        calendar = new BusinessCalendars().calendar(CalendarKey.of("US", "NY", NEW_YORK));
        Random random = new Random(42);
        Instant from = LocalDate.of(2026, 1, 1).atStartOfDay(NEW_YORK).toInstant();
        for (int i = 0; i < SIZE; i++) {
            dates[i] = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700));
            starts[i] = from.plusSeconds(random.nextInt(700 * 24 * 3600));
            ends[i] = starts[i].plusSeconds(random.nextInt(14 * 24 * 3600));
            amounts[i] = Duration.ofMinutes(random.nextInt(5 * 8 * 60));
        }
        for (int i = 0; i < SIZE; i++) {
            calendar.addBusinessDays(dates[i], 10);
            calendar.businessHoursBetween(starts[i], ends[i]);
            calendar.addBusinessHours(starts[i], amounts[i]);
        }
    }

    /** A3: return due date, 10 business days after receipt. */
    @Benchmark
    public LocalDate addBusinessDays10() {
        return calendar.addBusinessDays(dates[next++ & (SIZE - 1)], 10);
    }

    /** S1: business time elapsed on a ticket, spans of up to two weeks. */
    @Benchmark
    public Duration businessHoursBetween() {
        int i = next++ & (SIZE - 1);
        return calendar.businessHoursBetween(starts[i], ends[i]);
    }

    /** S1/S3: due time of a target of up to a business week. */
    @Benchmark
    public Instant addBusinessHours() {
        int i = next++ & (SIZE - 1);
        return calendar.addBusinessHours(starts[i], amounts[i]);
    }
}
