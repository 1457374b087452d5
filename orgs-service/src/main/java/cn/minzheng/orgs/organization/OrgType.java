package cn.minzheng.orgs.organization;

import cn.minzheng.platform.identity.CreditCode.CivilAffairsCategory;

/** The three kinds of social organisation, each with the category digit its credit code must carry. */
public enum OrgType {
    /** 社会团体: category 1. */
    ASSOCIATION(CivilAffairsCategory.SOCIAL_ASSOCIATION),
    /** 社会服务机构（民办非企业单位）: category 2. */
    SERVICE_INSTITUTION(CivilAffairsCategory.SOCIAL_SERVICE_INSTITUTION),
    /** 基金会: category 3. */
    FOUNDATION(CivilAffairsCategory.FOUNDATION);

    private final CivilAffairsCategory category;

    OrgType(CivilAffairsCategory category) {
        this.category = category;
    }

    public CivilAffairsCategory category() {
        return category;
    }
}
