package cn.minzheng.assistance.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.SelfCare;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.text.Text;

/**
 * A change of circumstances as the household aggregate applies it: updates per member (by personRef), people
 * joining and leaving, new assets or address, and why.
 */
public record CircumstanceChangeRequest(String reason, LocalDate effectiveOn, Map<String, MemberUpdate> memberUpdates,
        List<Member> membersJoining, List<String> membersLeaving, MeansTest.Assets assets, String address) {

    public record MemberUpdate(Boolean employed, Money monthlyIncome, Integer disabilityGrade, SelfCare selfCare) {
    }

    /** What changed, in counts: one phrase per combination of assets and address changed or not. */
    Text summary() {
        String key = "household.change.circumstances" + (assets != null ? "-assets" : "")
                + (address != null ? "-address" : "");
        return Text.of(key, memberUpdates.size(), membersJoining.size(), membersLeaving.size());
    }
}
