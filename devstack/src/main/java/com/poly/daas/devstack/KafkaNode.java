package com.poly.daas.devstack;

/**
 * Main class of the broker's child JVM: runs {@code kafka.Kafka} and exits (cleanly, through Kafka's shutdown hook)
 * when standard input ends, i.e. when the parent process closes it or dies. Only Kafka's jars and this class are on
 * the child's classpath; the broker is called reflectively so this module does not compile against Kafka's server.
 */
public final class KafkaNode {
    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore input; end of stream means the parent is gone
                }
            } catch (java.io.IOException ignored) {
                // parent gone
            }
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private KafkaNode() {
    }
}
