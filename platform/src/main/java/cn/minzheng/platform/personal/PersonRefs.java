package cn.minzheng.platform.personal;

import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * {@code personRef}: how services name a person to each other (events, projections) without the ID number.
 * Every service derives it with the same index key, so the same person has the same ref everywhere.
 */
public final class PersonRefs {

    private PersonRefs() {
    }

    public static String of(ResidentIdNumber idNumber, PersonalDataCipher cipher) {
        return cipher.lookupHash("id:" + idNumber.value());
    }
}
