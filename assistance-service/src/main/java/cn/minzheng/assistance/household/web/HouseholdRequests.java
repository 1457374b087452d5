package cn.minzheng.assistance.household.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.assistance.benefit.SelfCare;
import cn.minzheng.assistance.household.Member;
import cn.minzheng.assistance.household.Relation;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.BankAccount;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PhoneNumber;

/** The commands of the household registry, as they arrive (validated; unknown fields are refused). */
final class HouseholdRequests {

    private HouseholdRequests() {
    }

    record NewHousehold(@NotNull DivisionCode divisionCode, @NotNull Residence residence,
            @NotBlank @Size(max = 200) String address, @NotEmpty @Size(max = 20) List<@Valid @NotNull NewMember> members,
            @Valid @NotNull AssetsBody assets, PhoneNumber contactPhone, BankAccount paymentAccount) {
    }

    /** Money fields: yuan, at most two decimals, never negative. */
    record NewMember(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name,
            @NotNull Relation relation, @Min(0) @Max(4) int disabilityGrade, @Size(max = 50) String disabilityCategory,
            boolean employed, @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal monthlyIncome,
            SelfCare selfCare) {

        Member toMember(PersonalDataCipher cipher) {
            return Member.of(idNumber, name, relation, disabilityGrade, disabilityCategory, employed,
                    Money.of(monthlyIncome), selfCare, cipher);
        }
    }

    record AssetsBody(@NotNull @DecimalMin("0.00") @Digits(integer = 11, fraction = 2) BigDecimal deposits,
            @Min(0) int vehicles, @Min(0) int houses) {

        MeansTest.Assets toAssets() {
            return new MeansTest.Assets(Money.of(deposits), vehicles, houses);
        }
    }

    /** 变更: what changed, from when, and why; members are named by personRef (never by ID number again). */
    record ChangeOfCircumstances(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate effectiveOn,
            @Size(max = 20) List<@Valid @NotNull MemberChange> memberChanges,
            @Size(max = 20) List<@Valid @NotNull NewMember> membersJoining,
            @Size(max = 20) List<@NotBlank String> membersLeaving, @Valid AssetsBody assets,
            @Size(max = 200) String address) {
    }

    record MemberChange(@NotBlank @Size(max = 64) String personRef, Boolean employed,
            @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal monthlyIncome,
            @Min(0) @Max(4) Integer disabilityGrade, SelfCare selfCare) {
    }
}
