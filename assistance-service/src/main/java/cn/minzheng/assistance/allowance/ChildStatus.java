package cn.minzheng.assistance.allowance;

/** What makes a child eligible for a children's allowance: 孤儿 or 事实无人抚养儿童. */
public enum ChildStatus {
    ORPHAN, UNSUPPORTED
}
