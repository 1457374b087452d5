package cn.minzheng.funeral.cemetery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import cn.minzheng.funeral.death.Burial;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.fee.FeeRules;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * A burial touches two documents, in an order that can be repeated: the plot first (a conditional write of the
 * cemetery; the plot remembers the death, so a retry finds it), then the death with its burial.completed event.
 * Two burials racing for the last plot: one wins, the other reads again and gets 409 {@code no-free-plot}.
 */
@Service
public class BurialService {

    private final Deaths deaths;
    private final Cemeteries cemeteries;
    private final FeeRules fees;
    private final Clock clock;

    BurialService(Deaths deaths, Cemeteries cemeteries, FeeRules fees, Clock clock) {
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
                plotId = allocate(cemeteryId, plotKind(type), death.id(), on);
            }
        } else if (type.needsPlot()) {
            throw Refusal.invalid("invalid-request").as("cemetery-required").on("cemeteryId");
        }
        BigDecimal reward = fees.of(county).ecoReward() == null ? BigDecimal.ZERO : fees.of(county).ecoReward();
        death.buried(type, cemeteryId, plotId, on, reward, by, clock);
        deaths.save(death);
        return death;
    }

    private String allocate(String cemeteryId, Plot.Kind kind, String deathId, LocalDate on) {
        for (int attempt = 1; ; attempt++) {
            Cemetery cemetery = cemeteries.get(cemeteryId);
            Plot plot = cemetery.allocate(kind, deathId, on);
            try {
                cemeteries.save(cemetery);
                return plot.id();
            } catch (OptimisticLockingFailureException raced) {
                if (attempt == 10) {
                    throw Refusal.conflict("concurrent-update");
                }
            }
        }
    }

    private static Plot.Kind plotKind(Burial.BurialType type) {
        return switch (type) {
            case GRAVE -> Plot.Kind.GRAVE;
            case NICHE -> Plot.Kind.NICHE;
            default -> Plot.Kind.ECO;
        };
    }
}
