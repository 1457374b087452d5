package cn.minzheng.eldercare.resident;

import java.time.LocalDate;

import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;

/** An older person as this service keeps them: the ID number protected (personRef, masked, sealed), name, birth. */
public record Elder(ProtectedIdNumber idNumber, String name, LocalDate birthDate) {

    public static Elder of(ResidentIdNumber idNumber, String name, PersonalDataCipher cipher) {
        return new Elder(ProtectedIdNumber.protect(idNumber, cipher), name, idNumber.birthDate());
    }

    public String personRef() {
        return idNumber.personRef();
    }

    /** Full years on the day: the birthday itself counts. */
    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }
}
