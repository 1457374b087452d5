package cn.minzheng.platform.onething.messaging;

import java.util.Locale;

import cn.minzheng.platform.events.DomainEvent;

/**
 * An office's step in an after-death case: DONE, NOT_APPLICABLE or REFUSED, with what was done, worded in Chinese
 * ({@code detail}) and in English ({@code detailEn}). Key: the step's id ({@code step-<caseId>}). The type names
 * the office's service ({@code minzheng.assistance.one-thing.step-reported.v1}), one per producing service as every
 * event type is.
 */
public record StepReported(String caseId, String personRef, String office, String status, String detail,
        String detailEn) implements DomainEvent {

    /** The type for a service, e.g. {@code assistance}. */
    public static String typeFor(String service) {
        return "minzheng." + service + ".one-thing.step-reported.v1";
    }

    @Override
    public String type() {
        return typeFor(office.toLowerCase(Locale.ROOT));
    }
}
