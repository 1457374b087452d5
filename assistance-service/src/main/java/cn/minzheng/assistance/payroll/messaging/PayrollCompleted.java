package cn.minzheng.assistance.payroll.messaging;

import java.util.Map;

import cn.minzheng.platform.events.DomainEvent;

/** A county's monthly (or holiday) payroll is paid: totals, and per programme the households and the amount. */
public record PayrollCompleted(String payrollId, String county, String month, String kind, long households,
        String totalAmount, Map<String, ProgrammeTotal> perProgramme) implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.payroll.completed.v1";

    /** {@code amount}: yuan with two decimals, as a string. */
    public record ProgrammeTotal(long households, String amount) {
    }

    @Override
    public String type() {
        return TYPE;
    }
}
