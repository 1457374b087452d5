package cn.minzheng.eldercare.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.minzheng.eldercare.facility.BedCounters;
import cn.minzheng.eldercare.facility.BedType;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.eldercare.facility.Ownership;
import cn.minzheng.eldercare.serviceorder.ServiceOrder;
import cn.minzheng.platform.identity.DivisionCode;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The figures the bureau's work reports use, for any period and division, from this service's own data. Every
 * collection is streamed with only the fields counted, never loaded whole: facilities and their bed counters as
 * they stand, admissions and discharges in the period, meals served in the period.
 */
@Service
public class EldercareStatistics {

    private final MongoTemplate mongo;
    private final BedCounters beds;

    EldercareStatistics(MongoTemplate mongo, BedCounters beds) {
        this.mongo = mongo;
        this.beds = beds;
    }

    public record Report(String division, LocalDate from, LocalDate to, Facilities facilities, Beds beds,
            Quality quality, Residents residents, Meals meals, HomeCare homeCare) {
    }

    /**
     * Home-care orders planned in the period, those served with proof, their hours and subsidy; home adaptations
     * accepted in the period and their subsidy; family care beds registered up to its end.
     */
    public record HomeCare(long serviceOrders, long servedWithProof, BigDecimal hoursServed, BigDecimal serviceSubsidy,
            long adaptationsAccepted, BigDecimal adaptationSubsidy, long familyCareBeds) {
    }

    public record Facilities(long total, Map<FacilityType, Long> byType, Map<Ownership, Long> byOwnership) {
    }

    public record Beds(long total, long nursing, BigDecimal nursingBedRatio, long occupied, BigDecimal occupancy) {
    }

    public record Quality(long residentialFacilities, long rated, BigDecimal ratedShare, long caregivers,
            long certified, BigDecimal certificationRate) {
    }

    public record Residents(long admitted, long discharged, long deceased) {
    }

    public record Meals(long served, long people, BigDecimal subsidy) {
    }

    public Report report(DivisionCode division, LocalDate from, LocalDate to) {
        Map<FacilityType, Long> byType = new EnumMap<>(FacilityType.class);
        Map<Ownership, Long> byOwnership = new EnumMap<>(Ownership.class);
        long[] f = new long[8];
        try (Stream<Facility> all = mongo.stream(new Query(scope(division)), Facility.class, "facilities")) {
            all.forEach(facility -> {
                f[0]++;
                byType.merge(facility.type(), 1L, Long::sum);
                byOwnership.merge(facility.ownership(), 1L, Long::sum);
                f[1] += facility.totalBeds();
                f[2] += facility.nursingBeds();
                Map<BedType, Integer> free = beds.free(facility);
                f[3] += facility.totalBeds() - free.get(BedType.GENERAL) - free.get(BedType.NURSING);
                if (facility.type().residential()) {
                    f[4]++;
                    f[5] += facility.rating().isPresent() ? 1 : 0;
                }
                if (facility.caregivers() != null) {
                    f[6] += facility.caregivers().total();
                    f[7] += facility.caregivers().certified();
                }
            });
        }
        return new Report(division.value(), from, to, new Facilities(f[0], byType, byOwnership),
                new Beds(f[1], f[2], percent(f[2], f[1]), f[3], percent(f[3], f[1])),
                new Quality(f[4], f[5], percent(f[5], f[4]), f[6], f[7], percent(f[7], f[6])),
                residents(division, from, to), meals(division, from, to), homeCare(division, from, to));
    }

    private HomeCare homeCare(DivisionCode division, LocalDate from, LocalDate to) {
        Query accepted = new Query(scope(division).and("acceptedOn").gte(from).lte(to));
        accepted.fields().include("subsidy");
        long[] count = new long[1];
        BigDecimal[] subsidy = {BigDecimal.ZERO};
        try (Stream<Document> all = mongo.stream(accepted, Document.class, "home_adaptations")) {
            all.forEach(d -> {
                count[0]++;
                subsidy[0] = subsidy[0].add(new BigDecimal(String.valueOf(d.get("subsidy"))));
            });
        }
        long beds = mongo.count(new Query(scope(division).and("since").lte(to)), "family_care_beds");
        // The order itself says what its proof is worth (hours and subsidy), so the report and the reimbursement
        // cannot disagree.
        long[] orders = new long[2];
        BigDecimal[] served = {BigDecimal.ZERO, BigDecimal.ZERO};
        try (Stream<ServiceOrder> all = mongo.stream(new Query(scope(division).and("plannedOn").gte(from).lte(to)),
                ServiceOrder.class, "service_orders")) {
            all.forEach(order -> {
                orders[0]++;
                if (order.proof() != null) {
                    orders[1]++;
                    served[0] = served[0].add(order.hoursProved());
                    served[1] = served[1].add(order.subsidy());
                }
            });
        }
        return new HomeCare(orders[0], orders[1], served[0], served[1], count[0], subsidy[0], beds);
    }

    private Residents residents(DivisionCode division, LocalDate from, LocalDate to) {
        long admitted = mongo.count(new Query(scope(division).and("admittedOn").gte(from).lte(to)), "residents");
        long[] out = new long[2];
        Query discharged = new Query(scope(division).and("dischargedOn").gte(from).lte(to));
        discharged.fields().include("dischargeReason");
        try (Stream<Document> all = mongo.stream(discharged, Document.class, "residents")) {
            all.forEach(d -> {
                out[0]++;
                out[1] += "DECEASED".equals(d.getString("dischargeReason")) ? 1 : 0;
            });
        }
        return new Residents(admitted, out[0], out[1]);
    }

    private Meals meals(DivisionCode division, LocalDate from, LocalDate to) {
        Query query = new Query(scope(division).and("date").gte(from).lte(to));
        query.fields().include("subsidy").include("idNumber.personRef");
        long[] served = new long[1];
        Set<String> people = new HashSet<>();
        BigDecimal[] subsidy = {BigDecimal.ZERO};
        try (Stream<Document> all = mongo.stream(query, Document.class, "meals")) {
            all.forEach(d -> {
                served[0]++;
                people.add(((Document) d.get("idNumber")).getString("personRef"));
                subsidy[0] = subsidy[0].add(new BigDecimal(String.valueOf(d.get("subsidy"))));
            });
        }
        return new Meals(served[0], people.size(), subsidy[0]);
    }

    /** The division and everything below it, as the stored digits. */
    private static Criteria scope(DivisionCode division) {
        return Criteria.where("division").regex("^" + division.scopePrefix());
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP);
    }
}
