package com.poly.daas.platform.inbox;

import com.poly.daas.events.Topics;
import com.poly.daas.platform.outbox.ReliableProducer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's dead-letter topic ({@code daas.dlq.<service>}): a record its consumers can never apply is copied there
 * (same key and value, original headers kept) with the reason in headers, and the partition moves on. One producer for
 * every consumer of the service, created on the first dead letter (issue 16: a service with four consumers used to
 * start four dead-letter producers with the connector's per-channel strategy).
 *
 * <p>Headers are the ones the smallrye-kafka {@code dead-letter-queue} strategy wrote before, so tools and runbooks
 * reading them are unchanged: {@value #REASON}, {@value #CAUSE}, {@value #EXCEPTION_CLASS}, {@value #CAUSE_CLASS},
 * {@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    public static final String CAUSE_CLASS = "dead-letter-cause-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String service;
    /** How long a dead letter may wait for the broker's acknowledgement before the consumer fails (and restarts). */
    @ConfigProperty(name = "daas.inbox.dead-letter-timeout", defaultValue = "PT30S")
    Duration timeout;

    private ReliableProducer producer;

    @PostConstruct
    void init() {
        producer = new ReliableProducer(bootstrapServers, service + "-dead-letters", Map.of());
    }

    /**
     * Sends the record to the dead-letter topic and waits for the broker ({@code acks=all}): only then may the consumer
     * commit past it. Throws when the broker does not acknowledge; the consumer then fails rather than lose the record.
     */
    public void send(ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        put(headers, REASON, String.valueOf(reason.getMessage()));
        put(headers, EXCEPTION_CLASS, reason.getClass().getName());
        if (reason.getCause() != null) {
            put(headers, CAUSE, String.valueOf(reason.getCause().getMessage()));
            put(headers, CAUSE_CLASS, reason.getCause().getClass().getName());
        }
        put(headers, TOPIC, record.topic());
        put(headers, PARTITION, Integer.toString(record.partition()));
        put(headers, OFFSET, Long.toString(record.offset()));
        String topic = Topics.deadLetter(service);
        try {
            producer.get().send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering " + where(record), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not dead-letter " + where(record) + " to " + topic + ": " + e.getMessage(), e);
        }
        LOG.warnf("Dead-lettered %s to %s: %s", where(record), topic, reason.getMessage());
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    void stop(@Observes ShutdownEvent event) {
        producer.close();
    }
}
