package com.poly.daas.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The five services, each a packaged process, on one {@link Infrastructure}: what {@code ./daas run} starts, and what
 * the system tests start on free ports.
 */
public final class Suite implements AutoCloseable {
    /** The services and their HTTP ports in the local run (8081-8085). */
    public static final Map<String, Integer> LOCAL_PORTS = new LinkedHashMap<>();

    static {
        LOCAL_PORTS.put("device-registry-service", 8081);
        LOCAL_PORTS.put("contract-service", 8082);
        LOCAL_PORTS.put("ticket-service", 8083);
        LOCAL_PORTS.put("rma-service", 8084);
        LOCAL_PORTS.put("billing-service", 8085);
    }

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();

    /**
     * Starts every service of {@code ports} (name to port), then waits until each is ready. On failure, what was
     * started is stopped again.
     */
    public static Suite start(Path root, Infrastructure.Endpoints endpoints, Map<String, Integer> ports, Path publicKey,
                              Path logDir, Map<String, String> env, Duration readyTimeout) throws IOException, InterruptedException {
        Suite suite = new Suite();
        try {
            for (var entry : ports.entrySet()) {
                ServiceProcess process = ServiceProcess.start(root, entry.getKey(), entry.getValue(), endpoints, publicKey, logDir, env);
                suite.started.add(process);
                suite.services.put(entry.getKey(), process);
            }
            for (ServiceProcess process : suite.started) {
                process.awaitReady(readyTimeout);
            }
            return suite;
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** The same services on free ports (tests). */
    public static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        LOCAL_PORTS.keySet().forEach(name -> ports.put(name, Processes.freePort()));
        return ports;
    }

    public ServiceProcess service(String name) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No service " + name + " in this suite");
        }
        return process;
    }

    public Map<String, ServiceProcess> services() {
        return services;
    }

    /** Stops every service (in parallel: each gets SIGTERM and up to 20 s to finish). */
    @Override
    public void close() {
        started.parallelStream().forEach(ServiceProcess::close);
    }
}
