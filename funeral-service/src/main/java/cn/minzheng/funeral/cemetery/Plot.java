package cn.minzheng.funeral.cemetery;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.minzheng.funeral.marriage.SurvivingSpouse;
/**
 * A grave, a columbarium niche or an eco plot; {@code deathId} when used, with the usage term's end (renewable);
 * {@code reservation} when held for a living person (寿墓).
 */
public record Plot(String id, Kind kind, BigDecimal areaSqm, Status status, String deathId, LocalDate termUntil,
        Reservation reservation) {

    public enum Kind {
        GRAVE, NICHE, ECO
    }

    public enum Status {
        FREE, RESERVED, USED, RELOCATED
    }

    /** Who the plot is held for, on what ground, next to whose grave. */
    /**
     * A plot held for a living person; for a surviving spouse, what the claim rests on ({@code basis}: registry's
     * marriages, or the officer's recorded {@code evidence}).
     */
    public record Reservation(String personRef, String name, ReservationRules.Ground ground, String nextToDeathId,
            LocalDate on, String by, SurvivingSpouse.Basis basis, String evidence) {

        Reservation on(SurvivingSpouse.Basis judged) {
            return new Reservation(personRef, name, ground, nextToDeathId, on, by, judged,
                    judged == SurvivingSpouse.Basis.EVIDENCE ? evidence : null);
        }
    }

    static Plot free(String id, Kind kind, BigDecimal areaSqm) {
        return new Plot(id, kind, areaSqm, Status.FREE, null, null, null);
    }

    Plot usedBy(String death, LocalDate until) {
        return new Plot(id, kind, areaSqm, Status.USED, death, until, reservation);
    }

    Plot reservedFor(Reservation held) {
        return new Plot(id, kind, areaSqm, Status.RESERVED, null, null, held);
    }

    Plot renewedUntil(LocalDate until) {
        return new Plot(id, kind, areaSqm, status, deathId, until, reservation);
    }

    boolean heldFor(String personRef) {
        return status == Status.RESERVED && reservation != null && reservation.personRef().equals(personRef);
    }
}
