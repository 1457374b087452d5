package cn.minzheng.assistance.onething.messaging;

import cn.minzheng.platform.events.DomainEvent;

/** This office's step in an after-death case: DONE or NOT_APPLICABLE, with what was done. Key: the case id. */
public record StepReported(String caseId, String personRef, String office, String status, String detail)
        implements DomainEvent {

    public static final String TYPE = "minzheng.assistance.one-thing.step-reported.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
