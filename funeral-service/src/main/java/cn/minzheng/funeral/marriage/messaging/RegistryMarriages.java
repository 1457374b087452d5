package cn.minzheng.funeral.marriage.messaging;

import java.util.List;
import java.util.Set;

import cn.minzheng.funeral.marriage.SpouseRecords;
import cn.minzheng.platform.events.IncomingEvent;

import org.springframework.stereotype.Component;

/**
 * Registry's {@code marriage.registered}, {@code marriage.back-entered} and {@code divorce.registered}, read into
 * {@link SpouseRecords}: only the fields funeral needs (the two personRefs, the days, a back-entry's status). The
 * registry topic's one listener ({@code OfficeReportsListener}) hands them here.
 */
@Component
public class RegistryMarriages {

    static final String REGISTERED = "minzheng.registry.marriage.registered.v1";
    static final String BACK_ENTERED = "minzheng.registry.marriage.back-entered.v1";
    static final String DIVORCED = "minzheng.registry.divorce.registered.v1";
    public static final Set<String> TYPES = Set.of(REGISTERED, BACK_ENTERED, DIVORCED);

    private final SpouseRecords records;

    RegistryMarriages(SpouseRecords records) {
        this.records = records;
    }

    public void apply(IncomingEvent event) {
        List<String> personRefs = personRefs(event);
        String marriageId = event.requiredText("marriageId");
        if (DIVORCED.equals(event.type())) {
            records.divorced(marriageId, personRefs, event.requiredDate("registeredOn"));
        } else {
            records.married(marriageId, personRefs, event.requiredDate("registeredOn"),
                    BACK_ENTERED.equals(event.type()) ? event.requiredText("status") : "MARRIED");
        }
    }

    private static List<String> personRefs(IncomingEvent event) {
        var refs = event.data().path("personRefs");
        if (!refs.isArray() || refs.size() != 2) {
            throw new IncomingEvent.InvalidEventException("personRefs must name both spouses");
        }
        return List.of(refs.get(0).asString(), refs.get(1).asString());
    }
}
