package cn.minzheng.assistance.allowance;

import cn.minzheng.assistance.money.Money;

/** An old-age allowance band: from {@code minAge} to {@code maxAge} inclusive (open above when absent). */
public record AgeBand(int minAge, Integer maxAge, Money amount) {

    boolean covers(int age) {
        return age >= minAge && (maxAge == null || age <= maxAge);
    }

    /** "80-89", "100+": how the band is shown in an allowance's history. */
    public String label() {
        return maxAge == null ? minAge + "+" : minAge + "-" + maxAge;
    }
}
