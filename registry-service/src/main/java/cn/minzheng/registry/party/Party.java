package cn.minzheng.registry.party;

import java.time.LocalDate;

import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.identity.Sex;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;

/**
 * A person named by a registration (a spouse, an adopter, the child, the one who booked). Sex and birth date come
 * from the ID number, as the registry's legal checks (ages, same sex) read them; the number itself is kept only
 * sealed, with its personRef for lookups and its masked form for display.
 */
public record Party(ProtectedIdNumber idNumber, String name, Sex sex, LocalDate birthDate) {

    public static Party of(ResidentIdNumber idNumber, String name, PersonalDataCipher cipher) {
        return new Party(ProtectedIdNumber.protect(idNumber, cipher), name, idNumber.sex(), idNumber.birthDate());
    }

    public String personRef() {
        return idNumber.personRef();
    }

    public String maskedIdNumber() {
        return idNumber.masked();
    }

    /** Full years on the date: the birthday itself counts (a man born 2004-06-01 is 22 on 2026-06-01). */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }

    public boolean samePerson(Party other) {
        return personRef().equals(other.personRef());
    }
}
