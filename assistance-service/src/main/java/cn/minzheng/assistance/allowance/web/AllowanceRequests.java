package cn.minzheng.assistance.allowance.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.minzheng.assistance.benefit.AgeCounting;
import cn.minzheng.assistance.allowance.AgeBand;
import cn.minzheng.assistance.allowance.AllowanceProgramme;
import cn.minzheng.assistance.allowance.ChildStatus;
import cn.minzheng.assistance.allowance.Criterion;
import cn.minzheng.assistance.allowance.DisabilityType;
import cn.minzheng.assistance.allowance.Education;
import cn.minzheng.assistance.allowance.PersonDetails;
import cn.minzheng.assistance.allowance.ProgrammeRule;
import cn.minzheng.assistance.allowance.RuleVersion;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.BankAccount;

/** The allowance commands as they arrive (validated; unknown fields are refused). */
final class AllowanceRequests {

    private AllowanceRequests() {
    }

    /**
     * A filing for one person. {@code disabilityGrade} is 1-4 when the person has a disability certificate and
     * absent otherwise; the household programmes are never sent (the service knows them).
     */
    record NewAllowance(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull DivisionCode divisionCode, @NotNull AllowanceProgramme programme,
            @Min(1) @Max(4) Integer disabilityGrade, DisabilityType disabilityType, Boolean employed,
            ChildStatus childStatus, Boolean inInstitution, @Valid EducationBody education, BankAccount account,
            @Valid PayeeBody payee) {

        PersonDetails details() {
            return new PersonDetails(idNumber, name, divisionCode, disabilityGrade == null ? 0 : disabilityGrade,
                    disabilityType, employed, childStatus, Boolean.TRUE.equals(inInstitution),
                    education == null ? null : education.toEducation(), account,
                    payee == null ? null : payee.name(), payee == null ? null : payee.relation(),
                    payee == null ? null : payee.account());
        }
    }

    /** 全日制学历教育: the school, until when, and the evidence (e.g. the enrolment certificate's number). */
    record EducationBody(@NotBlank @Size(max = 100) String school, @NotNull LocalDate until,
            @NotBlank @Size(max = 200) String evidence) {

        Education toEducation() {
            return new Education(school, until, evidence);
        }
    }

    /** A payee other than the beneficiary (a guardian); the account is stored encrypted. */
    record PayeeBody(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 20) String relation,
            @NotNull BankAccount account) {
    }

    record Decision(@NotNull @Pattern(regexp = "APPROVE|REFUSE") String decision, @Size(max = 1000) String opinion) {
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /** A rule version: the whole rule set of the county from a date. */
    record NewRuleVersion(@NotNull DivisionCode county, @NotNull LocalDate effectiveFrom, @Size(max = 500) String note,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull ProgrammeBody> programmes,
            @Size(max = 10) List<@NotNull @Size(min = 2, max = 6) Set<@NotNull AllowanceProgramme>> exclusiveGroups,
            @Min(19) @Max(30) Integer educationExtensionUntilAge,
            @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal childDirectorStipend,
            AgeCounting ageCounting) {

        RuleVersion toDraft() {
            return new RuleVersion(0, effectiveFrom, note, programmes.stream().map(ProgrammeBody::toRule).toList(),
                    exclusiveGroups, educationExtensionUntilAge,
                    childDirectorStipend == null ? null : Money.of(childDirectorStipend), RuleVersion.Status.PROPOSED,
                    null, null, null, null, ageCounting);
        }
    }

    record ProgrammeBody(@NotNull AllowanceProgramme programme,
            @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amount,
            @Size(max = 10) List<@Valid @NotNull BandBody> bands,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull CriterionBody> criteria) {

        ProgrammeRule toRule() {
            return new ProgrammeRule(programme, amount == null ? null : Money.of(amount),
                    bands == null ? null : bands.stream().map(BandBody::toBand).toList(),
                    criteria.stream().map(CriterionBody::toCriterion).toList());
        }
    }

    record BandBody(@Min(0) @Max(150) int minAge, @Min(0) @Max(150) Integer maxAge,
            @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amount) {

        AgeBand toBand() {
            return new AgeBand(minAge, maxAge, Money.of(amount));
        }
    }

    /** Every condition given must hold; {@code disabilityGrades} are 1-4. */
    record CriterionBody(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_.-]+") String id,
            @Size(max = 4) Set<@NotNull @Min(1) @Max(4) Integer> disabilityGrades,
            @Size(max = 7) Set<@NotNull DisabilityType> disabilityTypes, @Min(0) @Max(150) Integer minAge,
            @Min(0) @Max(150) Integer maxAge, @Size(max = 2) Set<@NotNull @Pattern(regexp = "DIBAO|TEKUN") String>
                    householdProgrammes,
            Boolean employed, @Size(max = 2) Set<@NotNull ChildStatus> childStatuses, Boolean inInstitution) {

        Criterion toCriterion() {
            return new Criterion(id, disabilityGrades, disabilityTypes, minAge, maxAge, householdProgrammes, employed,
                    childStatuses, inInstitution);
        }
    }
}
