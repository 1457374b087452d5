package cn.minzheng.registry.party;

import java.time.LocalDate;

import cn.minzheng.platform.identity.Sex;

/** A party as responses show it: the ID number masked, never the personRef or the sealed value. */
public record PartyView(String name, String idNumber, Sex sex, LocalDate birthDate) {

    public static PartyView of(Party party) {
        return new PartyView(party.name(), party.maskedIdNumber(), party.sex(), party.birthDate());
    }
}
