package cn.minzheng.assistance.allowance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.minzheng.assistance.benefit.AgeCounting;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.refusal.Refusal;

/**
 * One version of a county's allowance rules: the whole rule set from a date (not a delta, so what was in force on a
 * day is one version), with its exclusive groups (就高: of programmes in one group only the highest is paid), the
 * education extension of the children's programmes, the child directors' stipend, and who proposed and who
 * approved it. Never edited once approved; a change is a new version.
 */
public record RuleVersion(int number, LocalDate effectiveFrom, String note, List<ProgrammeRule> programmes,
        List<Set<AllowanceProgramme>> exclusiveGroups, Integer educationExtensionUntilAge, Money childDirectorStipend,
        Status status, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
        AgeCounting ageCounting) {

    public enum Status {
        PROPOSED, APPROVED, REJECTED
    }

    public RuleVersion {
        programmes = programmes == null ? List.of() : List.copyOf(programmes);
        exclusiveGroups = exclusiveGroups == null ? List.of() : exclusiveGroups.stream().map(Set::copyOf).toList();
        ageCounting = AgeCounting.orDefault(ageCounting);
    }

    /** Like a standard, a version from mid-month counts from the next month. */
    public YearMonth firstMonth() {
        YearMonth month = YearMonth.from(effectiveFrom);
        return effectiveFrom.getDayOfMonth() == 1 ? month : month.plusMonths(1);
    }

    public Optional<ProgrammeRule> rule(AllowanceProgramme programme) {
        return programmes.stream().filter(p -> p.programme() == programme).findFirst();
    }

    /** The programmes that share an exclusive group with this one (itself excluded). */
    public Set<AllowanceProgramme> exclusiveWith(AllowanceProgramme programme) {
        Set<AllowanceProgramme> others = EnumSet.noneOf(AllowanceProgramme.class);
        exclusiveGroups.stream().filter(g -> g.contains(programme)).forEach(others::addAll);
        others.remove(programme);
        return others;
    }

    /**
     * The person judged for the month under this version. Children's programmes stop at 18 unless this version
     * extends them and the person's full-time education, with its evidence, covers the month.
     */
    public Eligibility judge(String county, AllowanceProgramme programme, PersonFacts person, YearMonth month) {
        Optional<ProgrammeRule> rule = rule(programme);
        if (rule.isEmpty()) {
            return Eligibility.no(programme, month, county, number, "not-eligible");
        }
        int age = ageCounting.ageFor(person.birthDate(), month);
        int ageForLimit = AgeCounting.ageForLimit(person.birthDate(), month);
        if (person.birthDate().isAfter(month.atEndOfMonth())) {
            return Eligibility.no(programme, month, county, number, "not-eligible");
        }
        if (programme.forChildren() && ageForLimit >= AllowanceProgramme.CHILD_AGE_LIMIT) {
            boolean extended = educationExtensionUntilAge != null && ageForLimit < educationExtensionUntilAge
                    && person.education() != null && person.education().coversMonthStarting(month.atDay(1));
            if (!extended) {
                return Eligibility.no(programme, month, county, number, "child-age-limit");
            }
        }
        Optional<Criterion> criterion = rule.get().matching(person, age);
        Optional<Money> amount = rule.get().amountFor(age);
        if (criterion.isEmpty() || amount.isEmpty()) {
            return Eligibility.no(programme, month, county, number, "not-eligible");
        }
        String band = rule.get().bandFor(age).map(AgeBand::label).orElse(null);
        return Eligibility.yes(programme, month, county, number, criterion.get().id(), amount.get(), band);
    }

    void validate() {
        if (effectiveFrom == null) {
            throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.effective-from")
                    .on("effectiveFrom");
        }
        if (programmes.isEmpty()
                || programmes.stream().map(ProgrammeRule::programme).distinct().count() != programmes.size()) {
            throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.programmes").on("programmes");
        }
        for (int i = 0; i < programmes.size(); i++) {
            programmes.get(i).validate("programmes[" + i + "]");
        }
        for (int i = 0; i < exclusiveGroups.size(); i++) {
            if (exclusiveGroups.get(i).size() < 2) {
                throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.group")
                        .on("exclusiveGroups[" + i + "]");
            }
        }
        if (educationExtensionUntilAge != null
                && (educationExtensionUntilAge <= AllowanceProgramme.CHILD_AGE_LIMIT || educationExtensionUntilAge > 30)) {
            throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.extension")
                    .on("educationExtensionUntilAge");
        }
        if (childDirectorStipend != null && childDirectorStipend.isNegative()) {
            throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.amount")
                    .on("childDirectorStipend");
        }
    }

    RuleVersion decided(Status decision, String by, Instant at) {
        return new RuleVersion(number, effectiveFrom, note, programmes, exclusiveGroups, educationExtensionUntilAge,
                childDirectorStipend, decision, proposedBy, proposedAt, by, at, ageCounting);
    }
}
