package cn.minzheng.registry.adoption;

/** Who may be adopted (art. 1093): an orphan, a child whose parents cannot be found, or whose parents cannot raise it. */
public enum ChildStatus {
    ORPHAN, PARENTS_UNKNOWN, PARENTS_UNABLE
}
