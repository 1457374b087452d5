package cn.minzheng.assistance.benefit;

import java.util.ArrayList;
import java.util.List;

import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.text.Text;

/**
 * 家庭经济状况核对: per-capita income against the standard and the asset test, computed from the household as it is
 * when the application is submitted and again when it is reviewed. {@code reasons} says why a household does not
 * qualify (texts worded when read); a township officer can only pass a review the test passes.
 */
public record MeansTest(Money perCapitaIncome, Money standard, boolean incomeTestPassed, boolean assetTestPassed,
        List<Text> reasons) {

    public boolean passed() {
        return incomeTestPassed && assetTestPassed;
    }

    public static MeansTest of(Programme programme, Money standard, List<BenefitMember> members, Assets assets,
            BenefitRules rules) {
        Money perCapita = BenefitCalculator.perCapitaIncome(members);
        List<Text> reasons = new ArrayList<>();
        boolean income = switch (programme) {
            case DIBAO, TEKUN -> perCapita.compareTo(standard) < 0;
            case MARGINAL -> perCapita.compareTo(standard) >= 0
                    && perCapita.compareTo(standard.times(rules.marginalCeiling())) < 0;
            case TEMPORARY -> true;
        };
        if (!income) {
            reasons.add(programme == Programme.MARGINAL
                    ? Text.of("means-test.income-not-marginal", perCapita, standard,
                            standard.times(rules.marginalCeiling()))
                    : Text.of("means-test.income-not-below", perCapita, standard));
        }
        boolean assetsPass = programme == Programme.TEMPORARY || assets(assets, standard, members.size(), rules,
                reasons);
        return new MeansTest(perCapita, standard, income, assetsPass, reasons);
    }

    private static boolean assets(Assets assets, Money standard, int members, BenefitRules rules,
            List<Text> reasons) {
        BenefitRules.AssetTest test = rules.assetTest();
        Money depositLimit = standard.times((long) test.depositMonths() * members);
        boolean pass = true;
        if (assets.deposits().compareTo(depositLimit) > 0) {
            reasons.add(Text.of("means-test.deposits-exceed", assets.deposits(), depositLimit));
            pass = false;
        }
        if (assets.vehicles() > test.maxVehicles()) {
            reasons.add(Text.of("means-test.vehicles-exceed", assets.vehicles(), test.maxVehicles()));
            pass = false;
        }
        if (assets.houses() > test.maxHouses()) {
            reasons.add(Text.of("means-test.houses-exceed", assets.houses(), test.maxHouses()));
            pass = false;
        }
        return pass;
    }

    /** The household's assets as the means test reads them. */
    public record Assets(Money deposits, int vehicles, int houses) {
    }
}
