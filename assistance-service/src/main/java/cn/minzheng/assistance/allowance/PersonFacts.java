package cn.minzheng.assistance.allowance;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Set;

/**
 * What the rules look at about a person. {@code householdProgrammes} is never entered by a client: it is read from
 * the person's household's active enrolments (DIBAO, TEKUN) when the person is judged.
 */
public record PersonFacts(LocalDate birthDate, int disabilityGrade, DisabilityType disabilityType, Boolean employed,
        ChildStatus childStatus, boolean inInstitution, Education education, Set<String> householdProgrammes) {

    public PersonFacts {
        householdProgrammes = householdProgrammes == null ? Set.of() : Set.copyOf(householdProgrammes);
    }

    /** Age on the first day of the month: the platform's rule for every age-dependent amount. */
    public int ageIn(YearMonth month) {
        return Period.between(birthDate, month.atDay(1)).getYears();
    }

    public PersonFacts withHouseholdProgrammes(Set<String> programmes) {
        return new PersonFacts(birthDate, disabilityGrade, disabilityType, employed, childStatus, inInstitution,
                education, programmes);
    }
}
