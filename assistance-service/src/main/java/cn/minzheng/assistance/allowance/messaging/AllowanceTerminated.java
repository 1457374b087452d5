package cn.minzheng.assistance.allowance.messaging;

import cn.minzheng.platform.events.DomainEvent;

/** An allowance ended; {@code lastMonth} is the last month paid (the month of a death, the month before 18). */
public record AllowanceTerminated(String allowanceId, String personRef, String programme, String division,
        String lastMonth, String reason) implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.allowance.terminated.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
