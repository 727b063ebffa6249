package com.poly.daas.platform.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A Kafka producer of String records that the broker acknowledges only once every in-sync replica has them
 * ({@code acks=all}, idempotence), created on first use: the outbox relay's and the dead letters' (which most services
 * never need, so it costs nothing at start-up).
 */
public final class ReliableProducer implements AutoCloseable {
    private final String bootstrapServers;
    private final String clientId;
    private final Map<String, String> settings;
    private volatile Producer<String, String> producer;

    /** @param settings producer settings added to (or replacing) the reliable defaults, e.g. {@code linger.ms} */
    public ReliableProducer(String bootstrapServers, String clientId, Map<String, String> settings) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.settings = Map.copyOf(settings);
    }

    public Producer<String, String> get() {
        Producer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.putAll(settings);
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    /** Closes the producer if it was ever created, waiting up to 5 s for records in flight. */
    @Override
    public void close() {
        Producer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
