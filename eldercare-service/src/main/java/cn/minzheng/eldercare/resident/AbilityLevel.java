package cn.minzheng.eldercare.resident;

/**
 * 老年人能力评估 (GB/T 42195-2022): the assessed ability, from which the care level follows. One level per step of
 * the standard's five, so that a reassessment moves the care level with it.
 */
public enum AbilityLevel {
    /** 能力完好 */
    UNIMPAIRED(CareLevel.SELF_CARE),
    /** 能力轻度受损（轻度失能） */
    MILD(CareLevel.LEVEL_1),
    /** 能力中度受损（中度失能） */
    MODERATE(CareLevel.LEVEL_2),
    /** 能力重度受损（重度失能） */
    SEVERE(CareLevel.LEVEL_3),
    /** 能力完全丧失（完全失能） */
    TOTAL(CareLevel.SPECIAL);

    private final CareLevel careLevel;

    AbilityLevel(CareLevel careLevel) {
        this.careLevel = careLevel;
    }

    public CareLevel careLevel() {
        return careLevel;
    }

    /** The care a resident receives: 自理, 一级 to 三级 护理, and 专护 for a total loss of ability. */
    public enum CareLevel {
        SELF_CARE, LEVEL_1, LEVEL_2, LEVEL_3, SPECIAL
    }
}
