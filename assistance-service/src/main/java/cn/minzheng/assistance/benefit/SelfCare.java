package cn.minzheng.assistance.benefit;

/** Self-care ability, which sets an extremely poor person's care standard. */
public enum SelfCare {
    /** 生活能自理 */
    FULL,
    /** 部分丧失生活自理能力 */
    PARTIAL,
    /** 完全丧失生活自理能力 */
    NONE
}
