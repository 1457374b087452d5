package cn.minzheng.funeral.cemetery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.minzheng.funeral.death.Burial;
import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A relocation (公墓搬迁) or scattered-grave clean-up (散坟整治) project (collection {@code relocation_projects}): the
 * graves moved, batch by batch, counted by where the remains went (a burial type). A batch has the caller's number,
 * so a retried batch is counted once, and the same number with other figures is refused.
 */
@Document("relocation_projects")
public class RelocationProject extends OutboxAggregate {

    public enum Kind {
        CEMETERY_RELOCATION, SCATTERED_GRAVE_CLEANUP
    }

    /** One batch of graves moved on a day, to one burial type. */
    public record Batch(String batchNo, Burial.BurialType movedTo, int graves, LocalDate on, String by) {
    }

    @Id
    private final String id;
    private final String name;
    private final Kind kind;
    private final DivisionCode division;
    private final LocalDate startedOn;
    private final String createdBy;
    private final Instant createdAt;
    private final List<Batch> batches;

    @PersistenceCreator
    RelocationProject(String id, String name, Kind kind, DivisionCode division, LocalDate startedOn, String createdBy,
            Instant createdAt, List<Batch> batches) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.division = division;
        this.startedOn = startedOn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.batches = new ArrayList<>(batches == null ? List.of() : batches);
    }

    public static RelocationProject start(String id, String name, Kind kind, DivisionCode division,
            LocalDate startedOn, String by, Clock clock) {
        if (startedOn.isAfter(LocalDate.now(clock).plusYears(1))) {
            throw Refusal.invalid("invalid-request").as("project-start").on("startedOn");
        }
        return new RelocationProject(id, name, kind, division, startedOn, by, clock.instant(), List.of());
    }

    /** False when the same batch was counted already (a retry); 409 when its number was used with other figures. */
    public boolean moved(Batch batch, Clock clock) {
        if (batch.on().isBefore(startedOn) || batch.on().isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("invalid-request").as("batch-date").on("on");
        }
        for (Batch counted : batches) {
            if (counted.batchNo().equals(batch.batchNo())) {
                if (counted.movedTo() == batch.movedTo() && counted.graves() == batch.graves()
                        && counted.on().equals(batch.on())) {
                    return false;
                }
                throw Refusal.conflict("batch-number-used", batch.batchNo()).on("batchNo");
            }
        }
        batches.add(batch);
        return true;
    }

    /** Graves moved by the type they went to, in the period (all when from/to are null). */
    public Map<String, Long> movedByType(LocalDate from, LocalDate to) {
        Map<String, Long> moved = new TreeMap<>();
        batches.stream().filter(b -> (from == null || !b.on().isBefore(from)) && (to == null || !b.on().isAfter(to)))
                .forEach(b -> moved.merge(b.movedTo().name(), (long) b.graves(), Long::sum));
        return moved;
    }

    public long gravesMoved() {
        return batches.stream().mapToLong(Batch::graves).sum();
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public DivisionCode division() {
        return division;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Batch> batches() {
        return List.copyOf(batches);
    }
}
