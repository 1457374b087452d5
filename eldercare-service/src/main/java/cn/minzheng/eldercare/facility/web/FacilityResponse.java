package cn.minzheng.eldercare.facility.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.minzheng.eldercare.facility.BedType;
import cn.minzheng.eldercare.facility.Caregivers;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.eldercare.facility.FireSafety;
import cn.minzheng.eldercare.facility.OperatorSuspension;
import cn.minzheng.eldercare.facility.Ownership;
import cn.minzheng.eldercare.facility.Rating;

/** A facility for staff: what it is, who runs it, and its beds with occupancy and the nursing-bed ratio. */
record FacilityResponse(String id, String name, FacilityType type, Ownership ownership, OperatorView operator,
        String filingNumber, String divisionCode, String address, Beds beds, BigDecimal nursingBedRatio,
        Integer stars, LocalDate ratedOn, FireSafety fireSafety, Caregivers caregivers,
        BigDecimal certificationRate, OperatorStatus operatorStatus, OperatorSuspension operatorSuspension,
        Long residentsInCentralisedSupport, List<Facility.Action> actions) {

    /** SUSPENDED_OPERATOR once the operator's registration was revoked (orgs-service's org.revoked). */
    enum OperatorStatus {
        NONE, ACTIVE, SUSPENDED_OPERATOR
    }

    record OperatorView(String creditCode, String name, LocalDate contractEnds) {
    }

    /** Beds by type: total, free and occupied; occupied = total - free. */
    record Beds(int total, int nursing, int general, int freeNursing, int freeGeneral, int occupied) {
    }

    static FacilityResponse of(Facility f, Map<BedType, Integer> free) {
        int freeNursing = free.get(BedType.NURSING);
        int freeGeneral = free.get(BedType.GENERAL);
        return new FacilityResponse(f.id(), f.name(), f.type(), f.ownership(), f.operator() == null ? null
                : new OperatorView(f.operator().creditCode() == null ? null : f.operator().creditCode().value(),
                        f.operator().name(), f.operator().contractEnds()),
                f.filingNumber(), f.division().value(), f.address(),
                new Beds(f.totalBeds(), f.nursingBeds(), f.beds(BedType.GENERAL), freeNursing, freeGeneral,
                        f.totalBeds() - freeNursing - freeGeneral),
                f.nursingBedRatio(), f.rating().map(Rating::stars).orElse(null),
                f.rating().map(Rating::ratedOn).orElse(null), f.fireSafety(), f.caregivers(),
                f.caregivers() == null ? null : f.caregivers().certificationRate(),
                f.operator() == null ? OperatorStatus.NONE : f.operatorSuspension() != null
                        ? OperatorStatus.SUSPENDED_OPERATOR : OperatorStatus.ACTIVE, f.operatorSuspension(), null,
                List.of());
    }

    /** With the residents in 特困 centralised support (集中供养) counted, for the one facility a reader opened. */
    FacilityResponse withCentralisedSupport(long residents) {
        return new FacilityResponse(id, name, type, ownership, operator, filingNumber, divisionCode, address, beds,
                nursingBedRatio, stars, ratedOn, fireSafety, caregivers, certificationRate, operatorStatus,
                operatorSuspension, residents, actions);
    }

    /** With the acts the reader may take on it now ({@code actions}): none for those who only read. */
    FacilityResponse withActions(List<Facility.Action> granted) {
        return new FacilityResponse(id, name, type, ownership, operator, filingNumber, divisionCode, address, beds,
                nursingBedRatio, stars, ratedOn, fireSafety, caregivers, certificationRate, operatorStatus,
                operatorSuspension, residentsInCentralisedSupport, List.copyOf(granted));
    }
}
