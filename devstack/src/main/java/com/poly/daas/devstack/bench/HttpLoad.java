package com.poly.daas.devstack.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load driver: {@code clients} threads (a fixed pool; Java 17 has no virtual threads), each sending one
 * request, waiting for its answer, then sending the next, for a fixed time. Latency is measured per request from
 * just before sending to the last byte of the answer.
 */
final class HttpLoad {
    /** What a run measured. */
    record Result(long requests, long failures, double seconds, long[] sortedNanos, String firstFailure) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1e6;
        }
    }

    private HttpLoad() {
    }

    /**
     * @param requestFor builds the n-th request of a client thread (n counts across threads)
     * @param expected   the status that counts as success
     */
    static Result run(int clients, Duration duration, IntFunction<HttpRequest> requestFor, int expected) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong sequence = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        StringBuffer firstFailure = new StringBuffer();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] nanos = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = requestFor.apply((int) sequence.getAndIncrement());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() != expected) {
                            failures.incrementAndGet();
                            synchronized (firstFailure) {
                                if (firstFailure.length() == 0) {
                                    firstFailure.append(response.statusCode()).append(' ').append(response.body(), 0,
                                            Math.min(300, response.body().length()));
                                }
                            }
                            continue;
                        }
                        if (n == nanos.length) {
                            nanos = Arrays.copyOf(nanos, n * 2);
                        }
                        nanos[n++] = took;
                    } catch (java.io.IOException e) {
                        failures.incrementAndGet();
                        synchronized (firstFailure) {
                            if (firstFailure.length() == 0) {
                                firstFailure.append(e);
                            }
                        }
                    }
                }
                return Arrays.copyOf(nanos, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged.length, failures.get(), seconds, merged, firstFailure.toString());
    }
}
