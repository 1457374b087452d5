package cn.minzheng.eldercare.facility.messaging;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.platform.events.EventHandlers;
import cn.minzheng.platform.events.EventInbox;
import cn.minzheng.platform.events.IncomingEvent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** orgs-service's {@code org.revoked}: the facilities that organisation operates are flagged SUSPENDED_OPERATOR. */
@Component
class OrgRevokedListener {

    static final String ORG_REVOKED = "minzheng.orgs.org.revoked.v1";

    private static final Logger log = LoggerFactory.getLogger(OrgRevokedListener.class);

    private final Facilities facilities;
    private final EventInbox inbox;
    final EventHandlers handlers = EventHandlers.create().on(ORG_REVOKED, this::revoked);

    OrgRevokedListener(Facilities facilities, EventInbox inbox) {
        this.facilities = facilities;
        this.inbox = inbox;
    }

    @KafkaListener(topics = "minzheng.orgs", containerFactory = "eventListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    private void revoked(IncomingEvent event) {
        String creditCode = event.requiredText("creditCode");
        LocalDate revokedOn = event.requiredDate("revokedOn");
        String reason = event.requiredText("reason");
        int flagged = 0;
        for (Facility facility : facilities.operatedBy(creditCode)) {
            if (facility.operatorRevoked(creditCode, revokedOn, reason, event.id())) {
                facilities.save(facility);
                flagged++;
            }
        }
        log.info("org.revoked {}: {} facilit(ies) flagged SUSPENDED_OPERATOR", event.id(), flagged);
    }
}
