package com.poly.daas.calendar.benchmark;

import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CalendarBenchmark} (3 warm-up and 3 measured iterations of 1 s, one fork, unless JMH command-line
 * options given as arguments say otherwise) and prints one ops/s line per benchmark.
 * Started by {@code benchmarks/calendar-benchmark.sh}.
 */
public final class CalendarBenchmarkMain {

    private CalendarBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        var options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(CalendarBenchmark.class.getName())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println("business-calendar benchmark (one thread, ops/s):");
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark();
            Result<?> score = run.getPrimaryResult();
            System.out.printf("  %-22s %,15.0f ops/s  (+/- %,.0f)%n",
                    name.substring(name.lastIndexOf('.') + 1), score.getScore(), score.getScoreError());
        }
    }
}
