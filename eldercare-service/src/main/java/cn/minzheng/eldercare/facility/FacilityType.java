package cn.minzheng.eldercare.facility;

/** The kinds of eldercare facility (DOMAIN.md §2); only residential ones have beds to admit to. */
public enum FacilityType {
    /** 养老机构 / 敬老院 / 社会福利院 */
    CARE_HOME(true),
    /** 日间照料中心 */
    DAY_CARE_CENTRE(false),
    /** 居家养老服务中心 */
    HOME_CARE_CENTRE(false),
    /** 助餐点 */
    MEAL_POINT(false),
    /** 中央厨房 */
    CENTRAL_KITCHEN(false),
    /** 睦邻点 */
    MUTUAL_AID_POINT(false);

    private final boolean residential;

    FacilityType(boolean residential) {
        this.residential = residential;
    }

    public boolean residential() {
        return residential;
    }
}
