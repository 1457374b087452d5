package cn.minzheng.assistance.allowance;

import java.util.Set;

import cn.minzheng.platform.refusal.Refusal;

/**
 * One parameterised predicate of a programme's eligibility (not a scripting language): every condition given must
 * hold, an empty or absent one does not apply. A programme's person qualifies when any of its criteria matches, so
 * a county widens eligibility by adding a criterion in a new rule version (Dafeng: adult unemployed grade-3
 * physical disability for the living subsidy). The id names the criterion in every decision taken under it.
 */
public record Criterion(String id, Set<Integer> disabilityGrades, Set<DisabilityType> disabilityTypes,
        Integer minAge, Integer maxAge, Set<String> householdProgrammes, Boolean employed,
        Set<ChildStatus> childStatuses, Boolean inInstitution) {

    public Criterion {
        disabilityGrades = disabilityGrades == null ? Set.of() : Set.copyOf(disabilityGrades);
        disabilityTypes = disabilityTypes == null ? Set.of() : Set.copyOf(disabilityTypes);
        householdProgrammes = householdProgrammes == null ? Set.of() : Set.copyOf(householdProgrammes);
        childStatuses = childStatuses == null ? Set.of() : Set.copyOf(childStatuses);
    }

    /** {@code age}: the person's age for the month, counted by the rule version's {@code ageCounting}. */
    boolean matches(PersonFacts person, int age) {
        return (disabilityGrades.isEmpty() || disabilityGrades.contains(person.disabilityGrade()))
                && (disabilityTypes.isEmpty() || person.disabilityType() != null
                        && disabilityTypes.contains(person.disabilityType()))
                && (minAge == null || age >= minAge)
                && (maxAge == null || age <= maxAge)
                && (householdProgrammes.isEmpty()
                        || householdProgrammes.stream().anyMatch(person.householdProgrammes()::contains))
                && (employed == null || employed.equals(person.employed()))
                && (childStatuses.isEmpty() || person.childStatus() != null
                        && childStatuses.contains(person.childStatus()))
                && (inInstitution == null || inInstitution == person.inInstitution());
    }

    /** Grades are 1-4 (GB/T 26341), ages 0-150 and in order; {@code field} names the criterion in the request. */
    void validate(String field) {
        if (id == null || id.isBlank()) {
            throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.criterion-id").on(field + ".id");
        }
        if (disabilityGrades.stream().anyMatch(grade -> grade == null || grade < 1 || grade > 4)) {
            throw Refusal.invalid("disability-grade").on(field + ".disabilityGrades");
        }
        if ((minAge != null && (minAge < 0 || minAge > 150)) || (maxAge != null && (maxAge < 0 || maxAge > 150))
                || (minAge != null && maxAge != null && minAge > maxAge)) {
            throw Refusal.invalid("allowance-rule-invalid").as("allowance-rule-invalid.ages").on(field);
        }
    }
}
