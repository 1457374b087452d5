package cn.minzheng.orgs.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A tenant of an incubation base (孵化基地): a group being incubated, often not registered yet (then named only),
 * from the day it moved in until it leaves, registered or not.
 */
public class Tenancy extends OutboxAggregate {

    public enum Exit {
        REGISTERED, LEFT
    }

    @Id
    private final String id;
    private final String base;
    private final String tenantName;
    private final String orgId;
    private final DivisionCode division;
    private final LocalDate movedInOn;
    private LocalDate leftOn;
    private Exit exit;

    @PersistenceCreator
    Tenancy(String id, String base, String tenantName, String orgId, DivisionCode division, LocalDate movedInOn,
            LocalDate leftOn, Exit exit, long version) {
        this.id = id;
        this.base = base;
        this.tenantName = tenantName;
        this.orgId = orgId;
        this.division = division;
        this.movedInOn = movedInOn;
        this.leftOn = leftOn;
        this.exit = exit;
        this.version = version;
    }

    public static Tenancy moveIn(String base, String tenantName, String orgId, DivisionCode division,
            LocalDate movedInOn, Clock clock) {
        if (movedInOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("date-in-future", movedInOn).on("movedInOn");
        }
        return new Tenancy("ten-" + UUID.randomUUID(), base.strip(), tenantName.strip(), orgId, division, movedInOn,
                null, null, 0);
    }

    public void leave(LocalDate on, Exit how, Clock clock) {
        if (leftOn != null) {
            throw Refusal.conflict("tenancy-ended", leftOn);
        }
        if (on.isBefore(movedInOn) || on.isAfter(LocalDate.now(clock))) {
            throw Refusal.rule("left-out-of-range", on, movedInOn).on("leftOn");
        }
        leftOn = on;
        exit = how;
    }

    @Override
    public String id() {
        return id;
    }

    public String base() {
        return base;
    }

    public String tenantName() {
        return tenantName;
    }

    public String orgId() {
        return orgId;
    }

    public DivisionCode division() {
        return division;
    }

    public LocalDate movedInOn() {
        return movedInOn;
    }

    public LocalDate leftOn() {
        return leftOn;
    }

    public Exit exit() {
        return exit;
    }
}
