package cn.minzheng.platform.identity;

/** Sex as the resident ID number records it (its 17th digit: odd male, even female). */
public enum Sex {
    MALE, FEMALE
}
