package cn.minzheng.orgs.organization.messaging;

import java.time.LocalDate;

import cn.minzheng.platform.events.DomainEvent;

/**
 * The registry's verdict on a year's annual report ({@code kind} ANNUAL_INSPECTION, {@code year}, {@code result}
 * PASS/BASIC_PASS/FAIL). Random inspections publish their own {@code org.inspected} from the inspection.
 */
public record OrgInspected(String orgId, String creditCode, String kind, Integer year, String planId,
        String result, LocalDate inspectedOn) implements DomainEvent {

    public static final String TYPE = "minzheng.orgs.org.inspected.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
