package cn.minzheng.funeral.cemetery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.minzheng.funeral.marriage.SurvivingSpouse;
import cn.minzheng.funeral.death.Burial;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.fee.FeeRules;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.store.ConcurrentWrites;

import org.springframework.stereotype.Service;

/**
 * A burial touches two documents, in an order that can be repeated: the plot first (a conditional write of the
 * cemetery; the plot remembers the death, so a retry finds it), then the death with its burial.completed event.
 * Two burials racing for the last plot: one wins, the other reads again and gets 409 {@code no-free-plot}.
 */
@Service
public class BurialService {

    private final Deaths deaths;
    private final SurvivingSpouse survivingSpouse;
    private final Cemeteries cemeteries;
    private final FeeRules fees;
    private final ReservationRules reservationRules;
    private final EcoCeremonies ceremonies;
    private final Clock clock;

    BurialService(Deaths deaths, Cemeteries cemeteries, FeeRules fees, ReservationRules reservationRules,
            EcoCeremonies ceremonies, SurvivingSpouse survivingSpouse, Clock clock) {
        this.survivingSpouse = survivingSpouse;
        this.reservationRules = reservationRules;
        this.ceremonies = ceremonies;
        this.deaths = deaths;
        this.cemeteries = cemeteries;
        this.fees = fees;
        this.clock = clock;
    }

    public Death bury(Death death, Burial.BurialType type, String cemeteryId, LocalDate on, String by) {
        if (death.burial() != null) {
            throw Refusal.conflict("already-buried", Refusal.term("burial." + death.burial().type()));
        }
        String plotId = null;
        String county = death.funeralHomeDivision().county().value();
        if (cemeteryId != null) {
            Cemetery cemetery = cemeteries.get(cemeteryId);
            cemetery.requireServes(death.residenceDivision());
            county = cemetery.division().county().value();
            if (type.needsPlot()) {
                plotId = allocate(cemeteryId, plotKind(type), death, on);
            }
        } else if (type.needsPlot()) {
            throw Refusal.invalid("invalid-request").as("cemetery-required").on("cemeteryId");
        }
        BigDecimal reward = fees.of(county).ecoReward() == null ? BigDecimal.ZERO : fees.of(county).ecoReward();
        death.buried(type, cemeteryId, plotId, on, reward, by, clock);
        deaths.save(death);
        return death;
    }

    private String allocate(String cemeteryId, Plot.Kind kind, Death death, LocalDate on) {
        return onCemetery(cemeteryId, cemetery -> cemetery.allocate(kind, death.id(), death.personRef(), on)).id();
    }

    /** A change of one plot: a conditional write of the cemetery, read again and redone when another came first. */
    private Plot onCemetery(String cemeteryId, java.util.function.Function<Cemetery, Plot> change) {
        return ConcurrentWrites.retry(() -> {
            Cemetery cemetery = cemeteries.get(cemeteryId);
            Plot plot = change.apply(cemetery);
            cemeteries.save(cemetery);
            return plot;
        });
    }

    /**
     * 寿墓: a plot held for a living person, where the county's rules allow it (422 reservation-not-allowed
     * otherwise). For a surviving spouse, the spouse must be buried in this cemetery; a person recorded dead (and not
     * retracted) reserves nothing; a public-welfare cemetery holds plots for residents of its county only; and the
     * claimant must have been the deceased's spouse at the death, on registry's marriages or, where registry knows
     * nothing of the couple, on the officer's recorded evidence ({@link SurvivingSpouse}). A retry finds the plot
     * already held.
     */
    public Plot reserve(String cemeteryId, Plot.Kind kind, Plot.Reservation reservation,
            cn.minzheng.platform.identity.DivisionCode residence) {
        Cemetery cemetery = cemeteries.get(cemeteryId);
        if (!reservationRules.allows(cemetery.division().county().value(), reservation.ground())) {
            throw Refusal.rule("reservation-not-allowed", cemetery.name(),
                    Refusal.term("reservation." + reservation.ground())).on("ground");
        }
        cemetery.requireServes(residence);
        Death spouse = deaths.find(reservation.nextToDeathId()).filter(d -> !d.isRetracted())
                .filter(d -> d.burial() != null && cemeteryId.equals(d.burial().cemeteryId()))
                .orElseThrow(() -> Refusal.rule("reservation-not-allowed").as("reservation-spouse-not-buried")
                        .on("nextToDeathId"));
        if (deaths.find(Death.idFor(reservation.personRef())).filter(d -> !d.isRetracted()).isPresent()) {
            throw Refusal.rule("reservation-not-allowed").as("reservation-person-deceased").on("idNumber");
        }
        SurvivingSpouse.Basis basis = survivingSpouse.judge(reservation.personRef(), spouse.personRef(),
                spouse.dateOfDeath(), reservation.evidence(), personRef -> deaths.find(Death.idFor(personRef))
                        .filter(d -> !d.isRetracted()).map(Death::dateOfDeath));
        Plot.Reservation judged = reservation.on(basis);
        return onCemetery(cemeteryId, current -> current.reserve(kind, judged));
    }

    /**
     * A collective eco ceremony: every death is checked first (none buried, none retracted), so a refusal changes
     * nothing; then the ceremony is stored and each death buried with its type (the reward once per death).
     */
    public EcoCeremony holdCeremony(EcoCeremony ceremony, List<Death> participants, String by) {
        for (int i = 0; i < participants.size(); i++) {
            Death death = participants.get(i);
            if (death.isRetracted()) {
                throw Refusal.conflict("death-retracted", death.id()).on("deathIds[" + i + "]");
            }
            if (death.burial() != null) {
                throw Refusal.conflict("already-buried", Refusal.term("burial." + death.burial().type()))
                        .on("deathIds[" + i + "]");
            }
            if (ceremony.cemeteryId() != null) {
                cemeteries.get(ceremony.cemeteryId()).requireServes(death.residenceDivision());
            }
        }
        ceremonies.insert(ceremony);
        for (Death death : participants) {
            bury(death, ceremony.type(), ceremony.cemeteryId(), ceremony.on(), by);
        }
        return ceremony;
    }

    /** A used plot's term extended (409 term-changed when the caller saw another end: a retry adds nothing). */
    public Plot renew(String cemeteryId, String plotId, int years, LocalDate currentUntil) {
        return onCemetery(cemeteryId, cemetery -> cemetery.renew(plotId, years, currentUntil));
    }

    private static Plot.Kind plotKind(Burial.BurialType type) {
        return switch (type) {
            case GRAVE -> Plot.Kind.GRAVE;
            case NICHE -> Plot.Kind.NICHE;
            default -> Plot.Kind.ECO;
        };
    }
}
