package cn.minzheng.registry.marriage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.claims.ExclusiveClaims;
import cn.minzheng.registry.certificate.CertificateNumbers;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.death.Deaths;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.party.Party;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Registration across documents. "Neither party is married" is a claim per person ({@code spouses}, key personRef,
 * holder the marriage), taken for both before the marriage is written, so two offices registering the same person
 * at the same moment cannot both succeed; a claim whose marriage never appeared or has ended is taken over.
 */
@Service
public class MarriageService {

    private final Marriages marriages;
    private final CertificateNumbers numbers;
    private final ExclusiveClaims spouses;
    private final Deaths deaths;
    private final LegalCalendar calendar;
    private final Clock clock;

    MarriageService(Marriages marriages, CertificateNumbers numbers, MongoTemplate mongo, Deaths deaths,
            LegalCalendar calendar, Clock clock) {
        this.marriages = marriages;
        this.calendar = calendar;
        this.deaths = deaths;
        this.numbers = numbers;
        this.spouses = new ExclusiveClaims(mongo, "spouses", java.time.Duration.ofSeconds(30));
        this.clock = clock;
    }

    public Marriage register(Office office, Party partyA, Party partyB, boolean declarationSigned, String by) {
        office.requireRegistersOn(LocalDate.now(clock), calendar);
        deaths.requireAlive(partyA, "partyA.idNumber");
        deaths.requireAlive(partyB, "partyB.idNumber");
        Marriage marriage = Marriage.register(office.id(), office.division(), partyA, partyB, declarationSigned, by,
                clock);
        claimSpouses(marriage);
        try {
            marriage.certify(numbers.issue(CertificateNumbers.Kind.MARRIAGE, office.code(),
                    marriage.registeredOn().getYear(), marriage.id()), clock);
            marriages.insert(marriage);
        } catch (RuntimeException failed) {
            releaseSpouses(marriage);
            throw failed;
        }
        return marriage;
    }

    public Marriage backEnter(Office office, Party partyA, Party partyB, LocalDate registeredOn, String certificateNo,
            Marriage.Status status, String provenance, String by) {
        if (registeredOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("invalid-request").as("back-entry-in-past").on("registeredOn");
        }
        Marriage marriage = Marriage.backEntered(office.id(), office.division(), partyA, partyB, registeredOn,
                certificateNo, status, new BackEntry(provenance, by, Instant.now(clock)));
        marriage.announceBackEntry(clock);
        if (status == Marriage.Status.MARRIED) {
            claimSpouses(marriage);
        }
        try {
            numbers.reserve(certificateNo, marriage.id());
            marriages.insert(marriage);
        } catch (RuntimeException failed) {
            releaseSpouses(marriage);
            throw failed;
        }
        return marriage;
    }

    public Marriage reissue(Marriage marriage, Office office, String reason, String by) {
        office.requireRegistersOn(LocalDate.now(clock), calendar);
        marriage.requireMarried();
        String number = numbers.issue(CertificateNumbers.Kind.MARRIAGE, office.code(), LocalDate.now(clock).getYear(),
                marriage.id());
        marriage.reissue(number, reason, by, clock);
        marriages.save(marriage);
        return marriage;
    }

    /** The divorce was registered: the marriage ends and both may marry again. Safe to repeat. */
    public void divorced(String marriageId, String divorceId, LocalDate on) {
        Marriage marriage = marriages.get(marriageId);
        marriage.divorced(divorceId, on);
        marriages.save(marriage);
        releaseSpouses(marriage);
    }

    /**
     * A death ends the person's current marriage, if any, read by {@code _id} through the spouse claim (one current
     * marriage per person), not found by a query. Safe to repeat.
     */
    public boolean endedByDeath(String personRef, LocalDate dateOfDeath) {
        var current = currentMarriage(personRef).flatMap(marriages::find);
        if (current.isEmpty() || !current.get().endedByDeath(personRef, dateOfDeath)) {
            return false;
        }
        marriages.save(current.get());
        releaseSpouses(current.get());
        return true;
    }

    /**
     * The person's death was retracted: each marriage it ended is restored (id to true), unless a spouse has married
     * since (id to false: a registrar must sort it out). Safe to repeat.
     */
    public java.util.Map<String, Boolean> deathRetracted(String personRef) {
        java.util.Map<String, Boolean> restored = new java.util.LinkedHashMap<>();
        for (Marriage marriage : marriages.of(personRef)) {
            if (marriage.status() != Marriage.Status.ENDED_BY_DEATH || !personRef.equals(marriage.deceasedRef())) {
                continue;
            }
            boolean free = spouses.claimAll(marriage.personRefs(), marriage.id(), this::stillMarried).isEmpty();
            if (free && marriage.deathRetracted(personRef)) {
                try {
                    marriages.save(marriage);
                } catch (RuntimeException failed) {
                    releaseSpouses(marriage);
                    throw failed;
                }
            }
            restored.put(marriage.id(), free);
        }
        return restored;
    }

    /** The marriage a person is in now, if the registry knows one. */
    public java.util.Optional<String> currentMarriage(String personRef) {
        return spouses.holder(personRef).filter(id -> stillMarried(id, personRef));
    }

    private void claimSpouses(Marriage marriage) {
        spouses.claimAll(marriage.personRefs(), marriage.id(), this::stillMarried).ifPresent(conflict -> {
            boolean partyA = conflict.key().equals(marriage.partyA().personRef());
            throw Refusal.conflict("already-married",
                    Refusal.term("party." + (partyA ? marriage.partyA() : marriage.partyB()).sex()), conflict.holder())
                    .on((partyA ? "partyA" : "partyB") + ".idNumber");
        });
    }

    private boolean stillMarried(String marriageId, String personRef) {
        return marriages.find(marriageId).map(m -> m.status() == Marriage.Status.MARRIED
                && m.personRefs().contains(personRef)).orElse(false);
    }

    private void releaseSpouses(Marriage marriage) {
        marriage.personRefs().forEach(ref -> spouses.release(ref, marriage.id()));
    }
}
