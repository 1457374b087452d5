package cn.minzheng.eldercare.facility;

/** The kinds of eldercare facility (DOMAIN.md §2); only residential ones have beds to admit to; four serve subsidised meals. */
public enum FacilityType {
    /** 养老机构 / 敬老院 / 社会福利院 */
    CARE_HOME(true, true),
    /** 日间照料中心 */
    DAY_CARE_CENTRE(false, true),
    /** 居家养老服务中心 */
    HOME_CARE_CENTRE(false, false),
    /** 助餐点 */
    MEAL_POINT(false, true),
    /** 中央厨房 */
    CENTRAL_KITCHEN(false, true),
    /** 睦邻点 */
    MUTUAL_AID_POINT(false, false);

    private final boolean residential;
    private final boolean servesMeals;

    FacilityType(boolean residential, boolean servesMeals) {
        this.residential = residential;
        this.servesMeals = servesMeals;
    }

    public boolean residential() {
        return residential;
    }

    /** Where 助餐 meals are served and recorded: meal points, day-care centres, central kitchens, care homes. */
    public boolean servesMeals() {
        return servesMeals;
    }
}
