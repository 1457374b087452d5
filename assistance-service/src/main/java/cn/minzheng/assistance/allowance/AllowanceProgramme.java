package cn.minzheng.assistance.allowance;

/**
 * The category allowances (DOMAIN.md §1). The children's programmes stop at 18 (the month after the eighteenth
 * birthday's month, ages being taken on the first day of a month), unless the county extends them for a person in
 * full-time education.
 */
public enum AllowanceProgramme {
    /** 困难残疾人生活补贴. */
    DISABILITY_LIVING(false),
    /** 重度残疾人护理补贴. */
    DISABILITY_CARE(false),
    /** 孤儿基本生活费, in an institution. */
    ORPHAN_INSTITUTION(true),
    /** 孤儿基本生活费, scattered (living with relatives). */
    ORPHAN_SCATTERED(true),
    /** 事实无人抚养儿童基本生活补贴, at the scattered-orphan standard. */
    UNSUPPORTED_CHILD(true),
    /** 高龄津贴 / 尊老金, by age band. */
    OLD_AGE(false);

    /** The age at which children's allowances stop. */
    public static final int CHILD_AGE_LIMIT = 18;

    private final boolean forChildren;

    AllowanceProgramme(boolean forChildren) {
        this.forChildren = forChildren;
    }

    public boolean forChildren() {
        return forChildren;
    }
}
