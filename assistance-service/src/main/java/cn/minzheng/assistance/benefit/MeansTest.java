package cn.minzheng.assistance.benefit;

import java.util.ArrayList;
import java.util.List;

import cn.minzheng.assistance.money.Money;

/**
 * 家庭经济状况核对: per-capita income against the standard and the asset test, computed from the household as it is
 * when the application is submitted and again when it is reviewed. {@code reasons} says in words why a household
 * does not qualify; a township officer can only pass a review the test passes.
 */
public record MeansTest(Money perCapitaIncome, Money standard, boolean incomeTestPassed, boolean assetTestPassed,
        List<String> reasons) {

    public boolean passed() {
        return incomeTestPassed && assetTestPassed;
    }

    public static MeansTest of(Programme programme, Money standard, List<BenefitMember> members, Assets assets,
            BenefitRules rules) {
        Money perCapita = BenefitCalculator.perCapitaIncome(members);
        List<String> reasons = new ArrayList<>();
        boolean income = switch (programme) {
            case DIBAO, TEKUN -> perCapita.compareTo(standard) < 0;
            case MARGINAL -> perCapita.compareTo(standard) >= 0
                    && perCapita.compareTo(standard.times(rules.marginalCeiling())) < 0;
            case TEMPORARY -> true;
        };
        if (!income) {
            reasons.add(programme == Programme.MARGINAL
                    ? "per-capita income " + perCapita + " is not between the standard " + standard + " and "
                            + standard.times(rules.marginalCeiling())
                    : "per-capita income " + perCapita + " is not below the standard " + standard);
        }
        boolean assetsPass = programme == Programme.TEMPORARY || assets(assets, standard, members.size(), rules,
                reasons);
        return new MeansTest(perCapita, standard, income, assetsPass, reasons);
    }

    private static boolean assets(Assets assets, Money standard, int members, BenefitRules rules,
            List<String> reasons) {
        BenefitRules.AssetTest test = rules.assetTest();
        Money depositLimit = standard.times((long) test.depositMonths() * members);
        boolean pass = true;
        if (assets.deposits().compareTo(depositLimit) > 0) {
            reasons.add("deposits " + assets.deposits() + " exceed " + depositLimit);
            pass = false;
        }
        if (assets.vehicles() > test.maxVehicles()) {
            reasons.add(assets.vehicles() + " vehicles exceed the limit of " + test.maxVehicles());
            pass = false;
        }
        if (assets.houses() > test.maxHouses()) {
            reasons.add(assets.houses() + " homes exceed the limit of " + test.maxHouses());
            pass = false;
        }
        return pass;
    }

    /** The household's assets as the means test reads them. */
    public record Assets(Money deposits, int vehicles, int houses) {
    }
}
