package cn.minzheng.registry.divorce.messaging;

import java.time.LocalDate;
import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/**
 * An open divorce application's legal dates moved later: a holiday schedule was loaded or corrected, or the office
 * declared its last day closed. Apps show the couple the new dates. Both parties by personRef.
 */
public record DivorceDatesChanged(String divorceId, List<String> personRefs, String officeId,
        LocalDate coolingOffEnds, LocalDate certificateDeadline, LocalDate previousCoolingOffEnds,
        LocalDate previousCertificateDeadline, String reason) implements DomainEvent {

    public static final String TYPE = "minzheng.registry.divorce.dates-changed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
