package cn.minzheng.orgs.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A 双随机一公开 plan: the year, the division, the sampling ratio and the inspector pool, and every draw made for
 * it. The plan keeps the rules no officer may bend: the ratio is at least the level's minimum (3% county, 4% city,
 * 5% province), the seed is the system's, and a re-draw needs a recorded reason and a second officer. The last
 * draw is the one in force.
 */
public class InspectionPlan extends OutboxAggregate {

    /** The least share of its register a registering authority inspects, by level (DOMAIN.md §3). */
    static final Map<DivisionCode.Level, BigDecimal> MINIMUM_RATIO = Map.of(
            DivisionCode.Level.COUNTY, new BigDecimal("0.03"),
            DivisionCode.Level.CITY, new BigDecimal("0.04"),
            DivisionCode.Level.PROVINCE, new BigDecimal("0.05"));

    /** One draw: its seed, what it drew from and what it drew; a re-draw also names why and who confirmed. */
    public record Draw(int number, String seed, Instant drawnAt, String requestedBy, String reason,
            String confirmedBy, int candidates, List<RandomDraw.Exclusion> exclusions,
            List<RandomDraw.Assignment> assignments) {
    }

    /** What an officer may do on the plan now (the read answers them; the acts refuse the rest). */
    public enum Action {
        REQUEST_REDRAW, REDRAW
    }

    /** A re-draw asked for, waiting for a second officer. */
    public record RedrawRequest(String reason, String requestedBy, Instant requestedAt) {
    }

    @Id
    private final String id;
    private final int year;
    private final DivisionCode division;
    private final BigDecimal ratio;
    private final boolean allCharities;
    private final List<String> pool;
    private final String committedBy;
    private final Instant committedAt;
    private final List<Draw> draws;
    private RedrawRequest redrawRequest;

    @PersistenceCreator
    InspectionPlan(String id, int year, DivisionCode division, BigDecimal ratio, boolean allCharities,
            List<String> pool, String committedBy, Instant committedAt, List<Draw> draws, RedrawRequest redrawRequest,
            long version) {
        this.id = id;
        this.year = year;
        this.division = division;
        this.ratio = ratio;
        this.allCharities = allCharities;
        this.pool = List.copyOf(pool);
        this.committedBy = committedBy;
        this.committedAt = committedAt;
        this.draws = new ArrayList<>(draws == null ? List.of() : draws);
        this.redrawRequest = redrawRequest;
        this.version = version;
    }

    /** A new plan, not drawn yet: its rules are checked here, the draw follows at once ({@link #draw}). */
    public static InspectionPlan commit(int year, DivisionCode division, BigDecimal ratio, boolean allCharities,
            List<String> inspectors, String by, Clock clock) {
        int thisYear = LocalDate.now(clock).getYear();
        if (year < thisYear || year > thisYear + 1) {
            throw Refusal.rule("plan-year-out-of-range", year, thisYear).on("year");
        }
        BigDecimal minimum = MINIMUM_RATIO.get(division.level());
        if (minimum == null) {
            throw Refusal.rule("plan-division-level", division.value()).on("divisionCode");
        }
        if (ratio.compareTo(minimum) < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw Refusal.rule("plan-ratio-out-of-range", ratio, minimum).on("ratio");
        }
        List<String> pool = inspectors.stream().map(String::strip).distinct().sorted().toList();
        if (pool.size() < 2) {
            throw Refusal.rule("plan-pool-too-small-overall", pool.size()).on("inspectors");
        }
        return new InspectionPlan("ip-" + year + "-" + division.value() + "-"
                + UUID.randomUUID().toString().substring(0, 8), year, division, ratio, allCharities, pool, by,
                clock.instant(), List.of(), null, 0);
    }

    /**
     * Draws targets and inspectors from the candidates (sorted credit codes) with the pool's exclusions. The first
     * draw needs nothing more; a later one only follows a re-draw request, confirmed by another officer.
     */
    public Draw draw(String seed, List<String> candidates, java.util.Set<String> charities,
            java.util.Set<RandomDraw.Exclusion> exclusions, String by, Clock clock) {
        String requestedBy = by;
        String reason = null;
        String confirmedBy = null;
        if (!draws.isEmpty()) {
            if (redrawRequest == null) {
                throw Refusal.conflict("plan-already-drawn");
            }
            if (redrawRequest.requestedBy().equals(by)) {
                throw Refusal.forbidden("four-eyes").as("four-eyes.redraw");
            }
            requestedBy = redrawRequest.requestedBy();
            reason = redrawRequest.reason();
            confirmedBy = by;
        }
        List<RandomDraw.Assignment> assignments;
        try {
            assignments = RandomDraw.draw(seed, candidates, charities, allCharities, ratio, pool, exclusions);
        } catch (RandomDraw.PoolTooSmall tooSmall) {
            throw Refusal.rule("plan-pool-too-small", String.join("、", tooSmall.targets().stream().limit(20)
                    .toList()), tooSmall.targets().size()).on("inspectors");
        }
        List<RandomDraw.Exclusion> published = exclusions.stream()
                .filter(e -> pool.contains(e.inspector()))
                .sorted(java.util.Comparator.comparing(RandomDraw.Exclusion::inspector)
                        .thenComparing(RandomDraw.Exclusion::creditCode))
                .toList();
        Draw draw = new Draw(draws.size() + 1, seed, clock.instant(), requestedBy, reason, confirmedBy,
                candidates.size(), published, assignments);
        draws.add(draw);
        redrawRequest = null;
        return draw;
    }

    /** An officer asks for a re-draw, with a reason; another officer confirms it by drawing. */
    public void requestRedraw(String reason, String by, Clock clock) {
        if (draws.isEmpty()) {
            throw Refusal.conflict("plan-not-drawn");
        }
        if (redrawRequest != null) {
            throw Refusal.conflict("redraw-already-requested", redrawRequest.requestedBy());
        }
        redrawRequest = new RedrawRequest(reason.strip(), by, clock.instant());
    }

    /**
     * What a registry officer may do on the plan now, by the rules {@link #requestRedraw} and {@link #draw} keep:
     * a re-draw is asked for once and confirmed by someone else, and neither once a result was entered.
     */
    public List<Action> actions(String username, boolean officer, boolean resultsEntered) {
        if (!officer || draws.isEmpty() || resultsEntered) {
            return List.of();
        }
        if (redrawRequest == null) {
            return List.of(Action.REQUEST_REDRAW);
        }
        return redrawRequest.requestedBy().equals(username) ? List.of() : List.of(Action.REDRAW);
    }

    /** Whether the draw in force assigned the organisation to this inspector. */
    public boolean assigned(String creditCode, String inspector) {
        return !draws.isEmpty() && assignment(creditCode).filter(a -> a.inspectors().contains(inspector)).isPresent();
    }

    /** The targets the draw in force assigned to this inspector, in the order drawn. */
    public List<RandomDraw.Assignment> assignedTo(String inspector) {
        return draws.isEmpty() ? List.of() : current().assignments().stream()
                .filter(a -> a.inspectors().contains(inspector)).toList();
    }

    /** The draw in force: the last one. */
    public Draw current() {
        if (draws.isEmpty()) {
            throw new IllegalStateException("plan " + id + " was never drawn");
        }
        return draws.get(draws.size() - 1);
    }

    /** The assignment of an organisation in the draw in force, if it is a target. */
    public Optional<RandomDraw.Assignment> assignment(String creditCode) {
        return current().assignments().stream().filter(a -> a.creditCode().equals(creditCode)).findFirst();
    }

    /** The inspection of a target: one per plan and organisation, {@code <planId>-<credit code>}. */
    public String inspectionId(String creditCode) {
        return id + "-" + creditCode;
    }

    /** The plan and the credit code an inspection id names (see {@link #inspectionId}), if it is one. */
    public record InspectionRef(String planId, String creditCode) {

        public static java.util.Optional<InspectionRef> parse(String inspectionId) {
            int dash = inspectionId.lastIndexOf('-');
            return dash <= 0 ? java.util.Optional.empty() : java.util.Optional.of(new InspectionRef(
                    inspectionId.substring(0, dash), inspectionId.substring(dash + 1)));
        }
    }

    @Override
    public String id() {
        return id;
    }

    public int year() {
        return year;
    }

    public DivisionCode division() {
        return division;
    }

    public BigDecimal ratio() {
        return ratio;
    }

    public boolean allCharities() {
        return allCharities;
    }

    public List<String> pool() {
        return pool;
    }

    public String committedBy() {
        return committedBy;
    }

    public Instant committedAt() {
        return committedAt;
    }

    public List<Draw> draws() {
        return List.copyOf(draws);
    }

    public RedrawRequest redrawRequest() {
        return redrawRequest;
    }
}
