package cn.minzheng.assistance.enrolment.messaging;

import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/** An enrolment's amount or status changes from {@code fromMonth} (a recalculation, a gradual exit with its last month). */
public record AssistanceChanged(String enrolmentId, String householdId, String programme, String division,
        String status, List<String> personRefs, String fromMonth, String monthlyAmount, String reason,
        String lastMonth) implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.assistance.changed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
