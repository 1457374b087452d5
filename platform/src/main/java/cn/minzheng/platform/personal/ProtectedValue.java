package cn.minzheng.platform.personal;

/**
 * How an aggregate stores a personal number other than the ID number (a phone, a bank account): encrypted, with its
 * masked form for display. The clear value is read back only on purpose, by a caller that audits the read.
 */
public record ProtectedValue(String masked, SealedValue sealed) {

    public static ProtectedValue protect(PhoneNumber phone, PersonalDataCipher cipher) {
        return new ProtectedValue(phone.masked(), cipher.seal(phone.value()));
    }

    public static ProtectedValue protect(BankAccount account, PersonalDataCipher cipher) {
        return new ProtectedValue(account.masked(), cipher.seal(account.value()));
    }

    /** A person's name where it is personal data in itself (an informant's): the family name shown, the rest sealed. */
    public static ProtectedValue protectName(String name, PersonalDataCipher cipher) {
        return new ProtectedValue(Masking.name(name), cipher.seal(name));
    }

    public String reveal(PersonalDataCipher cipher) {
        return cipher.open(sealed);
    }
}
