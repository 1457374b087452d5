package cn.minzheng.registry.marriage.web;

import java.time.LocalDate;
import java.util.List;

import cn.minzheng.registry.marriage.BackEntry;
import cn.minzheng.registry.marriage.Certificate;
import cn.minzheng.registry.marriage.Marriage;
import cn.minzheng.registry.party.PartyView;

/** A marriage record (ID numbers masked); {@code backEntry} is present only for records entered from archives. */
record MarriageResponse(String id, String certificateNo, Marriage.Status status, PartyView partyA, PartyView partyB,
        String officeId, String division, LocalDate registeredOn, String registeredBy, LocalDate endedOn,
        String divorceId, boolean backEntered, BackEntry backEntry, List<Certificate> certificates,
        List<Marriage.Action> actions) {

    /** {@code actions}: what the caller may do with it now; none for the read-only roles and the citizen. */
    static MarriageResponse of(Marriage marriage, boolean registrar) {
        return new MarriageResponse(marriage.id(), marriage.certificateNo(), marriage.status(),
                PartyView.of(marriage.partyA()), PartyView.of(marriage.partyB()), marriage.officeId(),
                marriage.division().value(), marriage.registeredOn(), marriage.registeredBy(), marriage.endedOn(),
                marriage.divorceId(), marriage.backEntry() != null, marriage.backEntry(), marriage.certificates(),
                registrar ? marriage.actions() : List.of());
    }
}
