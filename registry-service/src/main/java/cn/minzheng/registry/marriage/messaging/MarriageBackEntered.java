package cn.minzheng.registry.marriage.messaging;

import java.time.LocalDate;
import java.util.List;

import cn.minzheng.platform.events.DomainEvent;

/**
 * A marriage registered long ago, entered from the archives (补录): its own type, so that no consumer takes it for a
 * new marriage. {@code status} is the marriage's status as entered (MARRIED, DIVORCED, ENDED_BY_DEATH); both spouses
 * by personRef only.
 */
public record MarriageBackEntered(String marriageId, List<String> personRefs, String officeId, String division,
        LocalDate registeredOn, String status) implements DomainEvent {

    public static final String TYPE = "minzheng.registry.marriage.back-entered.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
