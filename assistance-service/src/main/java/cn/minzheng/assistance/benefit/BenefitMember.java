package cn.minzheng.assistance.benefit;

import java.time.LocalDate;

import cn.minzheng.assistance.money.Money;

/** What the calculation needs to know of one member; the person is named only by personRef and masked ID. */
public record BenefitMember(String personRef, String maskedIdNumber, LocalDate birthDate, int disabilityGrade,
        SelfCare selfCare, Money monthlyIncome) {

    int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }

    boolean severelyDisabled() {
        return disabilityGrade == 1 || disabilityGrade == 2;
    }
}
