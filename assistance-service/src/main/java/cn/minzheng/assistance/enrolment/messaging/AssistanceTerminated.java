package cn.minzheng.assistance.enrolment.messaging;

import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/** An enrolment ended; {@code lastMonth} is the last month paid. */
public record AssistanceTerminated(String enrolmentId, String householdId, String programme, String division,
        String status, List<String> personRefs, String reason, String lastMonth) implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.assistance.terminated.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
