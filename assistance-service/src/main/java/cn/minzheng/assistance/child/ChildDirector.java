package cn.minzheng.assistance.child;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.personal.ProtectedValue;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A village child director (儿童主任): the login that ties them to the children they are assigned (their
 * {@code username} in the identity provider), the village they serve (a village may have several), and the months
 * they serve, which the payroll pays at the county's stipend (collection {@code child_directors}, id
 * {@code cd-<username>}).
 */
@Document("child_directors")
public class ChildDirector extends OutboxAggregate {

    @Id
    private final String id;
    private final String username;
    private final ProtectedIdNumber idNumber;
    private final String name;
    private final DivisionCode division;
    private final ProtectedValue account;
    private final LocalDate servesFrom;
    private LocalDate servesUntil;
    private final String appointedBy;
    private final Instant appointedAt;

    @PersistenceCreator
    ChildDirector(String id, String username, ProtectedIdNumber idNumber, String name, DivisionCode division,
            ProtectedValue account, LocalDate servesFrom, LocalDate servesUntil, String appointedBy,
            Instant appointedAt) {
        this.id = id;
        this.username = username;
        this.idNumber = idNumber;
        this.name = name;
        this.division = division;
        this.account = account;
        this.servesFrom = servesFrom;
        this.servesUntil = servesUntil;
        this.appointedBy = appointedBy;
        this.appointedAt = appointedAt;
    }

    public static String idFor(String username) {
        return "cd-" + username;
    }

    public static ChildDirector appoint(String username, ProtectedIdNumber idNumber, String name,
            DivisionCode village, ProtectedValue account, LocalDate from, String by, Clock clock) {
        if (village.level() != DivisionCode.Level.VILLAGE) {
            throw Refusal.invalid("invalid-division-code").as("child-director-division").on("divisionCode");
        }
        return new ChildDirector(idFor(username), username, idNumber, name, village, account, from, null, by,
                clock.instant());
    }

    /** Serves in the month when appointed on or before its last day and not ended before its first. */
    public boolean servesIn(YearMonth month) {
        return !servesFrom.isAfter(month.atEndOfMonth())
                && (servesUntil == null || !servesUntil.isBefore(month.atDay(1)));
    }

    public void end(LocalDate on) {
        if (servesUntil != null) {
            throw Refusal.conflict("child-director-ended", servesUntil.toString());
        }
        if (on.isBefore(servesFrom)) {
            throw Refusal.invalid("invalid-request").as("service-period-reversed").on("until");
        }
        servesUntil = on;
    }

    @Override
    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public ProtectedIdNumber idNumber() {
        return idNumber;
    }

    public String name() {
        return name;
    }

    public DivisionCode division() {
        return division;
    }

    public ProtectedValue account() {
        return account;
    }

    public LocalDate servesFrom() {
        return servesFrom;
    }

    public LocalDate servesUntil() {
        return servesUntil;
    }

    public String appointedBy() {
        return appointedBy;
    }

    public Instant appointedAt() {
        return appointedAt;
    }
}
