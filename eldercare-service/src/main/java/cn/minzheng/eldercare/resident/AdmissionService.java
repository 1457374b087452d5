package cn.minzheng.eldercare.resident;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.minzheng.eldercare.death.Deaths;
import cn.minzheng.eldercare.facility.BedCounters;
import cn.minzheng.eldercare.facility.BedType;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.platform.claims.ExclusiveClaims;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Admissions and discharges across documents, in an order that keeps the rules without transactions: take a bed
 * (atomic on the facility's counter), claim "this person lives here" (one facility at a time, as household
 * members are claimed in assistance), then write the resident; a lost step gives back what was taken. A crash
 * between the bed and the write leaves one bed taken by nobody: fewer admissions, never more residents than beds.
 */
@Service
public class AdmissionService {

    private final Residents residents;
    private final Facilities facilities;
    private final BedCounters beds;
    private final ExclusiveClaims residency;
    private final Deaths deaths;
    private final Clock clock;

    AdmissionService(Residents residents, Facilities facilities, BedCounters beds, MongoTemplate mongo, Deaths deaths,
            Clock clock) {
        this.deaths = deaths;
        this.residents = residents;
        this.facilities = facilities;
        this.beds = beds;
        this.residency = new ExclusiveClaims(mongo, "residency", Duration.ofSeconds(30));
        this.clock = clock;
    }

    public Resident admit(Facility facility, Elder elder, AbilityLevel ability, BedType bedType, String by) {
        facility.requireResidential();
        deaths.requireAliveOn(elder.personRef(), LocalDate.now(clock), "idNumber");
        Resident resident = Resident.admit(facility, elder, ability, bedType, by, clock);
        if (!beds.take(facility.id(), bedType)) {
            throw Refusal.conflict("no-free-bed", facility.name(), Refusal.term("bed." + bedType));
        }
        Optional<ExclusiveClaims.Conflict> conflict = residency.claim(elder.personRef(), resident.id(),
                (holder, key) -> residents.find(holder).map(r -> r.status() == Resident.Status.ADMITTED)
                        .orElse(false));
        if (conflict.isPresent()) {
            beds.giveBack(facility, bedType);
            String where = residents.find(conflict.get().holder()).map(Resident::facilityId)
                    .flatMap(facilities::find).map(Facility::name).orElse("-");
            throw Refusal.conflict("already-resident", where).on("idNumber");
        }
        try {
            residents.insert(resident);
        } catch (RuntimeException failed) {
            residency.release(elder.personRef(), resident.id());
            beds.giveBack(facility, bedType);
            throw failed;
        }
        return resident;
    }

    public Resident reassess(Resident resident, AbilityLevel ability, LocalDate assessedOn, String by) {
        deaths.requireAliveOn(resident.elder().personRef(), assessedOn, "assessedOn");
        resident.reassess(ability, assessedOn, by, clock);
        residents.save(resident);
        return resident;
    }

    /** Discharges; the bed and the person's residency are free again. */
    public Resident discharge(Resident resident, String reason, LocalDate on, String by) {
        resident.discharge(reason, on, by, clock);
        residents.save(resident);
        beds.giveBack(facilities.get(resident.facilityId()), resident.bedType());
        residency.release(resident.elder().personRef(), resident.id());
        return resident;
    }

    /** A recorded death discharges the person wherever they live (0 on a repeat or when they lived nowhere). */
    public int deceased(String personRef, LocalDate dateOfDeath, String by) {
        int discharged = 0;
        // The stay is read by _id through the person's residency claim (one stay at a time), not by a query.
        List<Resident> admitted = residency.holder(personRef).flatMap(residents::find)
                .filter(r -> r.status() == Resident.Status.ADMITTED).map(List::of).orElse(List.of());
        for (Resident resident : admitted) {
            LocalDate on = dateOfDeath.isBefore(resident.admittedOn()) ? resident.admittedOn() : dateOfDeath;
            discharge(resident, "DECEASED", on.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : on, by);
            discharged++;
        }
        return discharged;
    }
}
