package cn.minzheng.assistance.household;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.minzheng.assistance.benefit.BenefitMember;
import cn.minzheng.assistance.benefit.SelfCare;
import cn.minzheng.assistance.money.Money;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.identity.Sex;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;

/**
 * A household member as stored: the ID number only encrypted (with its personRef and masked form), birth date and
 * sex derived from it, and what the means test and the benefit need. {@code leftOn} is the first day the person no
 * longer counts (a death counts until the end of its month).
 */
public record Member(ProtectedIdNumber idNumber, String name, Relation relation, LocalDate birthDate, Sex sex,
        int disabilityGrade, String disabilityCategory, boolean employed, Money monthlyIncome, SelfCare selfCare,
        LocalDate leftOn, String leftReason) {

    public static Member of(ResidentIdNumber idNumber, String name, Relation relation, int disabilityGrade,
            String disabilityCategory, boolean employed, Money monthlyIncome, SelfCare selfCare,
            PersonalDataCipher cipher) {
        return new Member(ProtectedIdNumber.protect(idNumber, cipher), name, relation, idNumber.birthDate(),
                idNumber.sex(), disabilityGrade, disabilityCategory, employed, monthlyIncome,
                selfCare == null ? SelfCare.FULL : selfCare, null, null);
    }

    public String personRef() {
        return idNumber.personRef();
    }

    public boolean isActive() {
        return leftOn == null;
    }

    /** Counts for a month's benefit if still a member on its first day. */
    boolean countsIn(YearMonth month) {
        return leftOn == null || month.atDay(1).isBefore(leftOn);
    }

    /** 18 to 59 and able to work: such households are reviewed quarterly. */
    boolean isWorkingAge(LocalDate day) {
        int age = java.time.Period.between(birthDate, day).getYears();
        return age >= 18 && age < 60 && disabilityGrade == 0;
    }

    BenefitMember forBenefit() {
        return new BenefitMember(personRef(), idNumber.masked(), birthDate, disabilityGrade, selfCare, monthlyIncome);
    }

    Member leaving(LocalDate on, String reason) {
        return new Member(idNumber, name, relation, birthDate, sex, disabilityGrade, disabilityCategory, employed,
                monthlyIncome, selfCare, on, reason);
    }

    /** Back as a member, as if never gone: the departure was a death recorded in error. */
    Member returning() {
        return new Member(idNumber, name, relation, birthDate, sex, disabilityGrade, disabilityCategory, employed,
                monthlyIncome, selfCare, null, null);
    }

    Member withCircumstances(Boolean employed, Money monthlyIncome, Integer disabilityGrade, SelfCare selfCare) {
        return new Member(idNumber, name, relation, birthDate, sex,
                disabilityGrade != null ? disabilityGrade : this.disabilityGrade, disabilityCategory,
                employed != null ? employed : this.employed, monthlyIncome != null ? monthlyIncome : this.monthlyIncome,
                selfCare != null ? selfCare : this.selfCare, leftOn, leftReason);
    }
}
