package cn.minzheng.registry;

import java.time.LocalDate;

import cn.minzheng.platform.identity.Sex;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.registry.party.Party;

/** People for rule tests, without a cipher: the rules read only sex, birth date and identity. */
public final class Parties {

    private static int sequence;

    private Parties() {
    }

    public static Party man(LocalDate birth) {
        return person(Sex.MALE, birth);
    }

    public static Party woman(LocalDate birth) {
        return person(Sex.FEMALE, birth);
    }

    private static synchronized Party person(Sex sex, LocalDate birth) {
        String ref = String.format("%064x", ++sequence);
        return new Party(new ProtectedIdNumber(ref, "320404********" + sequence, null), "某", sex, birth);
    }
}
