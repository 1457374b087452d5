package cn.minzheng.platform.personal;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;


import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * {@code personRef}: how services name a person to each other (events, projections) without the ID number.
 * Every service derives it with the same index key, so the same person has the same ref everywhere.
 */
public final class PersonRefs {

    private PersonRefs() {
    }

    /**
     * The citizen's own personRef from the ID number in their token; a 403 when the token carries none (or a bad
     * one), since "my records" cannot be found without it.
     */
    public static String ofCitizen(Caller citizen, PersonalDataCipher cipher) {
        return citizen.idNumber().filter(ResidentIdNumber::isValid).map(ResidentIdNumber::of)
                .map(id -> of(id, cipher))
                .orElseThrow(() -> Refusal.forbidden("no-citizen-identity"));
    }

    public static String of(ResidentIdNumber idNumber, PersonalDataCipher cipher) {
        return cipher.lookupHash("id:" + idNumber.value());
    }
}
