package cn.minzheng.funeral.onething;

/** The offices with a step in an after-death case. */
public enum Office {
    /** 社会救助: the member leaves the household, the benefit is recalculated or ends; allowances end. */
    ASSISTANCE,
    /** 养老服务: the resident is discharged and the bed freed. */
    ELDERCARE,
    /** 婚姻登记: the marriage ends by death, appointments are cancelled. */
    REGISTRY,
    /** 殡葬: the fee waiver. */
    FUNERAL
}
