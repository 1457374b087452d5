package cn.minzheng.eldercare.onething.messaging;

import cn.minzheng.platform.events.DomainEvent;

/**
 * This office's step in an after-death case: DONE or NOT_APPLICABLE (or REFUSED), with what was done, worded in
 * Chinese ({@code detail}) and in English ({@code detailEn}). Key: the case id.
 */
public record StepReported(String caseId, String personRef, String office, String status, String detail,
        String detailEn) implements DomainEvent {

    public static final String TYPE = "minzheng.eldercare.one-thing.step-reported.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
