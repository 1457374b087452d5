package cn.minzheng.orgs.organization;

/**
 * Where an organisation stands: registered, on the abnormal-activity list (活动异常名录) or the serious-violation
 * list (严重违法失信名单); revoked (撤销登记) and deregistered (注销) are the end.
 */
public enum OrgStatus {
    REGISTERED, ABNORMAL, SERIOUS_VIOLATION, REVOKED, DEREGISTERED;

    /** On the abnormal-activity or the serious-violation list. */
    public boolean listed() {
        return this == ABNORMAL || this == SERIOUS_VIOLATION;
    }

    public boolean terminal() {
        return this == REVOKED || this == DEREGISTERED;
    }
}
