package cn.minzheng.assistance.payroll.messaging;

import cn.minzheng.platform.events.DomainEvent;

/**
 * One payment: to a household (key: the household, so its payments stay in order; {@code payrollId} is "" for a
 * one-off), or to a person for a category allowance or a child director's stipend ({@code personRef}, with
 * {@code allowanceId} for an allowance; key: the personRef).
 */
public record SubsidyPaid(String paymentId, String payrollId, String kind, String householdId, String programme,
        String division, String month, String amount, String personRef, String allowanceId) implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.subsidy.paid.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
