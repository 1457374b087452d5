package cn.minzheng.funeral.cemetery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.minzheng.funeral.death.Burial;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A collective free eco-burial ceremony (集体生态安葬仪式, collection {@code eco_ceremonies}): one eco type, one day,
 * the deaths laid to rest in it (each earns the county's reward once, as any eco burial does) and how many family
 * members took part.
 */
@Document("eco_ceremonies")
public class EcoCeremony extends OutboxAggregate {

    @Id
    private final String id;
    private final String name;
    private final Burial.BurialType type;
    private final String cemeteryId;
    private final DivisionCode division;
    private final LocalDate on;
    private final List<String> deathIds;
    private final int familyParticipants;
    private final String organisedBy;
    private final Instant recordedAt;

    @PersistenceCreator
    EcoCeremony(String id, String name, Burial.BurialType type, String cemeteryId, DivisionCode division,
            LocalDate on, List<String> deathIds, int familyParticipants, String organisedBy, Instant recordedAt) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.cemeteryId = cemeteryId;
        this.division = division;
        this.on = on;
        this.deathIds = List.copyOf(deathIds);
        this.familyParticipants = familyParticipants;
        this.organisedBy = organisedBy;
        this.recordedAt = recordedAt;
    }

    /** Eco types only (400 otherwise), each death once, on a day not in the future. */
    public static EcoCeremony hold(String id, String name, Burial.BurialType type, String cemeteryId,
            DivisionCode division, LocalDate on, List<String> deathIds, int familyParticipants, String by,
            Clock clock) {
        if (!type.eco()) {
            throw Refusal.invalid("invalid-request").as("ceremony-eco-only").on("type");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("invalid-request").as("service-date").on("date");
        }
        if (deathIds.stream().distinct().count() != deathIds.size()) {
            throw Refusal.invalid("invalid-request").as("ceremony-duplicate-death").on("deathIds");
        }
        return new EcoCeremony(id, name, type, cemeteryId, division, on, deathIds, familyParticipants, by,
                clock.instant());
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Burial.BurialType type() {
        return type;
    }

    public String cemeteryId() {
        return cemeteryId;
    }

    public DivisionCode division() {
        return division;
    }

    public LocalDate on() {
        return on;
    }

    public List<String> deathIds() {
        return deathIds;
    }

    public int familyParticipants() {
        return familyParticipants;
    }

    public String organisedBy() {
        return organisedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
