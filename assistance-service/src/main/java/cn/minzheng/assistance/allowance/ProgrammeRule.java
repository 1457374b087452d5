package cn.minzheng.assistance.allowance;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.refusal.Refusal;

/** A programme in one rule version: who qualifies (any criterion) and how much, flat or by age band. */
public record ProgrammeRule(AllowanceProgramme programme, Money amount, List<AgeBand> bands,
        List<Criterion> criteria) {

    public ProgrammeRule {
        bands = bands == null ? List.of() : List.copyOf(bands);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** The first criterion the person meets, {@code age} counted by the version's rule for the month. */
    Optional<Criterion> matching(PersonFacts person, int age) {
        return criteria.stream().filter(c -> c.matches(person, age)).findFirst();
    }

    /** The band covering the age, when the programme is paid by band. */
    Optional<AgeBand> bandFor(int age) {
        return bands.stream().filter(b -> b.covers(age)).findFirst();
    }

    Optional<Money> amountFor(int age) {
        return bands.isEmpty() ? Optional.ofNullable(amount) : bandFor(age).map(AgeBand::amount);
    }

    void validate(String field) {
        if (programme == null) {
            throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.programme")
                    .on(field + ".programme");
        }
        if (criteria.isEmpty()) {
            throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.no-criteria")
                    .on(field + ".criteria");
        }
        if ((amount == null) == bands.isEmpty() || (amount != null && !amount.isPositive())) {
            throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.amount").on(field + ".amount");
        }
        List<AgeBand> sorted = bands.stream().sorted(Comparator.comparingInt(AgeBand::minAge)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            AgeBand band = sorted.get(i);
            boolean open = band.maxAge() == null;
            boolean overlaps = i + 1 < sorted.size() && (open || band.maxAge() >= sorted.get(i + 1).minAge());
            if (!band.amount().isPositive() || (!open && band.maxAge() < band.minAge()) || overlaps) {
                throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.bands").on(field + ".bands");
            }
        }
        for (int i = 0; i < criteria.size(); i++) {
            criteria.get(i).validate(field + ".criteria[" + i + "]");
        }
    }
}
