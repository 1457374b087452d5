package cn.minzheng.orgs.inspection;

import java.time.Instant;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A declared tie between an inspector and an organisation (a former employee, a relative of its legal
 * representative, a member): the inspector is never assigned to it. Its id is {@code <inspector>|<orgId>}, so a
 * tie is declared once. The relation and the note are personal: draws publish only the excluded pair.
 */
public class InspectorTie extends OutboxAggregate {

    public enum Relation {
        FORMER_EMPLOYEE, RELATIVE_OF_REPRESENTATIVE, MEMBER, OTHER
    }

    @Id
    private final String id;
    private final String inspector;
    private final String orgId;
    private final String creditCode;
    private final DivisionCode division;
    private final Relation relation;
    private final String note;
    private final String declaredBy;
    private final Instant declaredAt;

    @PersistenceCreator
    InspectorTie(String id, String inspector, String orgId, String creditCode, DivisionCode division,
            Relation relation, String note, String declaredBy, Instant declaredAt, long version) {
        this.id = id;
        this.inspector = inspector;
        this.orgId = orgId;
        this.creditCode = creditCode;
        this.division = division;
        this.relation = relation;
        this.note = note;
        this.declaredBy = declaredBy;
        this.declaredAt = declaredAt;
        this.version = version;
    }

    public static InspectorTie declare(String inspector, String orgId, String creditCode, DivisionCode division,
            Relation relation, String note, String by, Instant at) {
        return new InspectorTie(inspector + "|" + orgId, inspector, orgId, creditCode, division, relation,
                note == null || note.isBlank() ? null : note.strip(), by, at, 0);
    }

    public RandomDraw.Exclusion exclusion() {
        return new RandomDraw.Exclusion(inspector, creditCode);
    }

    @Override
    public String id() {
        return id;
    }

    public String inspector() {
        return inspector;
    }

    public String orgId() {
        return orgId;
    }

    public String creditCode() {
        return creditCode;
    }

    public DivisionCode division() {
        return division;
    }

    public Relation relation() {
        return relation;
    }

    public String note() {
        return note;
    }

    public String declaredBy() {
        return declaredBy;
    }

    public Instant declaredAt() {
        return declaredAt;
    }
}
