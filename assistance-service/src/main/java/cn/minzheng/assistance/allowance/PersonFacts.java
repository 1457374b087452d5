package cn.minzheng.assistance.allowance;

import java.time.LocalDate;
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

    public PersonFacts withHouseholdProgrammes(Set<String> programmes) {
        return new PersonFacts(birthDate, disabilityGrade, disabilityType, employed, childStatus, inInstitution,
                education, programmes);
    }
}
