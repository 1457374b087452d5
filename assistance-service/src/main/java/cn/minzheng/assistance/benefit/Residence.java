package cn.minzheng.assistance.benefit;

/** Registered residence type (户籍性质); standards may differ between urban and rural, or apply to both. */
public enum Residence {
    URBAN, RURAL, ALL
}
