package cn.minzheng.platform.events;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.kafka.core.KafkaAdmin;

/** The settings of every producer that must not lose or duplicate a record: acks from all replicas, idempotent. */
final class ReliableProducerSettings {

    private ReliableProducerSettings() {
    }

    static Map<String, Object> of(KafkaAdmin admin, String clientId) {
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
