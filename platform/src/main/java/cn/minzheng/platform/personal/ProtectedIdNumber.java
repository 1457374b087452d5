package cn.minzheng.platform.personal;

import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * How an aggregate stores an ID number: encrypted, with its lookup hash ({@code personRef}, indexed, also the name
 * of the person in events) and its masked form for display. The clear number is never stored.
 */
public record ProtectedIdNumber(String personRef, String masked, SealedValue sealed) {

    public static ProtectedIdNumber protect(ResidentIdNumber idNumber, PersonalDataCipher cipher) {
        return new ProtectedIdNumber(PersonRefs.of(idNumber, cipher), idNumber.masked(), cipher.seal(idNumber.value()));
    }

    /** The full number; callers are role-checked and audited (see the audit package). */
    public ResidentIdNumber reveal(PersonalDataCipher cipher) {
        return ResidentIdNumber.of(cipher.open(sealed));
    }
}
