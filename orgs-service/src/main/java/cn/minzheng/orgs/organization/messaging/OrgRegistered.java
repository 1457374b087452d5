package cn.minzheng.orgs.organization.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/** An organisation was registered: its credit code, name, type, division and the day it registered. */
public record OrgRegistered(String orgId, String creditCode, String name, String orgType, String division,
        LocalDate registeredOn) implements DomainEvent {

    public static final String TYPE = "minzheng.orgs.org.registered.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
