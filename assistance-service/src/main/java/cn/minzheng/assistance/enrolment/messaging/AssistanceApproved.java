package cn.minzheng.assistance.enrolment.messaging;

import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/**
 * The county approved assistance: a monthly programme's enrolment starts (enrolmentId, status, startMonth,
 * monthlyAmount; key: the enrolment), or temporary assistance was paid once (applicationId, paymentId, amount;
 * key: the application). One type with two shapes, so consumers of "approved" see both.
 */
public record AssistanceApproved(String enrolmentId, String applicationId, String householdId, String programme,
        String division, String status, List<String> personRefs, String startMonth, String monthlyAmount,
        String paymentId, String amount) implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.assistance.approved.v1";

    public static AssistanceApproved enrolment(String enrolmentId, String householdId, String programme,
            String division, String status, List<String> personRefs, String startMonth, String monthlyAmount) {
        return new AssistanceApproved(enrolmentId, null, householdId, programme, division, status, personRefs,
                startMonth, monthlyAmount, null, null);
    }

    public static AssistanceApproved temporary(String applicationId, String householdId, String division,
            List<String> personRefs, String paymentId, String amount) {
        return new AssistanceApproved(null, applicationId, householdId, "TEMPORARY", division, null, personRefs,
                null, null, paymentId, amount);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
