package cn.minzheng.funeral.onething.messaging;

import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/** An office reported its step; {@code status} is COMPLETE once no step is pending. Key: the personRef. */
public record CaseUpdated(String caseId, String personRef, String status, List<StepView> steps)
        implements DomainEvent {

    public static final String TYPE = "minzheng.funeral.one-thing.case-updated.v1";

    /** One office's step as published. */
    public record StepView(String office, String status, String detail) {
    }

    @Override
    public String type() {
        return TYPE;
    }
}
