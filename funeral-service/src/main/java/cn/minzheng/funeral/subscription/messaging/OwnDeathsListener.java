package cn.minzheng.funeral.subscription.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import cn.minzheng.funeral.subscription.DeathNotices;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * This service's own death.recorded and death.retracted, read back from its topic: a notice is made only for a
 * death that was stored and published (never from the request that records it), once per event (the inbox).
 */
@Component
class OwnDeathsListener {

    static final String DEATH_RECORDED = "minzheng.funeral.death.recorded.v1";
    static final String DEATH_RETRACTED = "minzheng.funeral.death.retracted.v1";

    private final EventInbox inbox;
    final EventHandlers handlers;

    OwnDeathsListener(DeathNotices notices, EventInbox inbox) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(DEATH_RECORDED, event -> notices.changed("RECORDED", event.requiredText("deathId")))
                .on(DEATH_RETRACTED, event -> notices.changed("RETRACTED", event.requiredText("deathId")));
    }

    @KafkaListener(topics = "minzheng.funeral", containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }
}
