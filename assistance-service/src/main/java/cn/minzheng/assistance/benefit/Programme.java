package cn.minzheng.assistance.benefit;

/** The assistance programmes an application can be for (DOMAIN.md §1). */
public enum Programme {
    /** 最低生活保障: monthly gap to the standard, plus category add-ons. */
    DIBAO,
    /** 特困人员救助供养: basic living at least 1.3 x the dibao standard, plus care by self-care ability. */
    TEKUN,
    /** 临时救助: a one-off payment for an emergency. */
    TEMPORARY,
    /** 低保边缘: no cash, but eligible for special (medical, education) assistance. */
    MARGINAL;

    /** Programmes paid every month through the payroll (temporary assistance is paid once). */
    public boolean isMonthly() {
        return this == DIBAO || this == TEKUN || this == MARGINAL;
    }
}
