package cn.minzheng.funeral.cemetery;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A grave, a columbarium niche or an eco plot; {@code deathId} when used, with the usage term's end. */
public record Plot(String id, Kind kind, BigDecimal areaSqm, Status status, String deathId, LocalDate termUntil) {

    public enum Kind {
        GRAVE, NICHE, ECO
    }

    public enum Status {
        FREE, RESERVED, USED, RELOCATED
    }

    Plot usedBy(String death, LocalDate until) {
        return new Plot(id, kind, areaSqm, Status.USED, death, until);
    }
}
