package cn.minzheng.funeral.cemetery;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.minzheng.funeral.marriage.SurvivingSpouse;
/**
 * A grave, a columbarium niche or an eco plot; {@code deathId} when used, with the usage term's end (renewable);
 * {@code reservation} when held for a living person (寿墓).
 */
public record Plot(String id, Kind kind, BigDecimal areaSqm, Status status, String deathId, LocalDate termUntil,
        Reservation reservation, Place place) {

    public enum Kind {
        GRAVE, NICHE, ECO
    }

    public enum Status {
        FREE, RESERVED, USED, RELOCATED
    }

    /** Where the plot lies in a cemetery laid out in sections (区), rows (排) and numbers (号); none otherwise. */
    public record Place(String section, int row, int number) {
    }

    public enum Action {
        RENEW
    }

    /** By the rule {@link Cemetery#renew} keeps: a funeral officer renews the term of a plot in use. */
    public java.util.List<Action> actions(boolean officer) {
        return officer && status == Status.USED ? java.util.List.of(Action.RENEW) : java.util.List.of();
    }

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

    static Plot free(String id, Kind kind, BigDecimal areaSqm, Place place) {
        return new Plot(id, kind, areaSqm, Status.FREE, null, null, null, place);
    }

    Plot usedBy(String death, LocalDate until) {
        return new Plot(id, kind, areaSqm, Status.USED, death, until, reservation, place);
    }

    Plot reservedFor(Reservation held) {
        return new Plot(id, kind, areaSqm, Status.RESERVED, null, null, held, place);
    }

    Plot renewedUntil(LocalDate until) {
        return new Plot(id, kind, areaSqm, status, deathId, until, reservation, place);
    }

    boolean heldFor(String personRef) {
        return status == Status.RESERVED && reservation != null && reservation.personRef().equals(personRef);
    }
}
