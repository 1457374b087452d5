package cn.minzheng.funeral.death;

/** 死亡原因类别 as the death certificate groups it (no diagnosis is kept here). */
public enum CauseCategory {
    NATURAL, DISEASE, ACCIDENT, OTHER
}
