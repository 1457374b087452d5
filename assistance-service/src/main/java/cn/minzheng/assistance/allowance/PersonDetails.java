package cn.minzheng.assistance.allowance;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.BankAccount;

/**
 * A person as an officer or citizen describes them when filing for an allowance: who, where they live, the facts the
 * rules look at, and where the money goes (their own account or a payee's, each encrypted when stored).
 */
public record PersonDetails(ResidentIdNumber idNumber, String name, DivisionCode division, int disabilityGrade,
        DisabilityType disabilityType, Boolean employed, ChildStatus childStatus, boolean inInstitution,
        Education education, BankAccount account, String payeeName, String payeeRelation, BankAccount payeeAccount) {

    PersonFacts facts() {
        return new PersonFacts(idNumber.birthDate(), disabilityGrade, disabilityType, employed, childStatus,
                inInstitution, education, null);
    }
}
