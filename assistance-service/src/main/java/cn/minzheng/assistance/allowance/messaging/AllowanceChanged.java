package cn.minzheng.assistance.allowance.messaging;

import cn.minzheng.platform.events.DomainEvent;

/** An allowance's amount, band or rule version changes from {@code fromMonth} (an age band, a new rule version). */
public record AllowanceChanged(String allowanceId, String personRef, String programme, String division,
        String fromMonth, String monthlyAmount, int ruleVersion, String band, String reason) implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.allowance.changed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
