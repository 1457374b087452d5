package cn.minzheng.eldercare.serviceorder.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/**
 * A home-care service was given, with proof: who (personRef), which provider, what, how long, the subsidy (decimal
 * strings, as assistance's amounts are, so that no consumer reads them through a floating-point number).
 */
public record ServiceOrderCompleted(String orderId, String personRef, String division, String providerCreditCode,
        String serviceType, LocalDate servedOn, String hours, String subsidy) implements DomainEvent {

    public static final String TYPE = "minzheng.eldercare.service-order.completed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
