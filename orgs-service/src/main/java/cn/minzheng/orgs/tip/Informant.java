package cn.minzheng.orgs.tip;

import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PhoneNumber;
import cn.minzheng.platform.personal.ProtectedValue;

/**
 * Who filed a tip, if they chose to say: a name and a mobile number, each sealed with its masked form beside it
 * (王*, 138****5678). Informants are protected people: officers read the masked form; the clear contact is read back
 * only through an audited reveal.
 */
public record Informant(ProtectedValue name, ProtectedValue phone) {

    /** Nothing when the informant left neither (the usual case: tips are anonymous by default). */
    public static Informant of(String name, PhoneNumber phone, PersonalDataCipher cipher) {
        boolean named = name != null && !name.isBlank();
        if (!named && phone == null) {
            return null;
        }
        return new Informant(named ? ProtectedValue.protectName(name.strip(), cipher) : null,
                phone == null ? null : ProtectedValue.protect(phone, cipher));
    }

    public String maskedName() {
        return name == null ? null : name.masked();
    }

    public String maskedPhone() {
        return phone == null ? null : phone.masked();
    }

    /** The clear contact, for the caller who audits the read. */
    public Revealed reveal(PersonalDataCipher cipher) {
        return new Revealed(name == null ? null : name.reveal(cipher), phone == null ? null : phone.reveal(cipher));
    }

    public record Revealed(String informantName, String informantPhone) {
    }
}
