package cn.minzheng.funeral.cemetery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cemetery with its plots (collection {@code cemeteries}). A public-welfare cemetery serves the residents of its
 * county only. Allocating a plot changes this one document, written conditionally on its version, so two burials
 * racing for the last plot cannot both have it.
 */
@Document("cemeteries")
public class Cemetery extends OutboxAggregate {

    public enum Kind {
        PUBLIC_WELFARE, COMMERCIAL
    }

    /**
     * Plots to create: how many of a kind, each of this area; where the cemetery is laid out, in a section, filled
     * row by row with {@code perRow} plots to a row (one row when not given), numbered from 1 in each row.
     */
    public record PlotBatch(Plot.Kind kind, int count, BigDecimal areaSqm, String section, Integer perRow) {

        public PlotBatch(Plot.Kind kind, int count, BigDecimal areaSqm) {
            this(kind, count, areaSqm, null, null);
        }

        Plot.Place place(int n) {
            if (section == null) {
                return null;
            }
            int width = perRow == null ? count : perRow;
            return new Plot.Place(section, n / width + 1, n % width + 1);
        }
    }

    @Id
    private final String id;
    private final String name;
    private final Kind kind;
    private final boolean eco;
    private final DivisionCode division;
    private final int usageTermYears;
    private final List<Plot> plots;
    private final String createdBy;
    private final Instant createdAt;

    @PersistenceCreator
    Cemetery(String id, String name, Kind kind, boolean eco, DivisionCode division, int usageTermYears,
            List<Plot> plots, String createdBy, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.eco = eco;
        this.division = division;
        this.usageTermYears = usageTermYears;
        this.plots = new ArrayList<>(plots == null ? List.of() : plots);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Plots larger than the division's limit are refused (400, naming the batch). */
    public static Cemetery register(String id, String name, Kind kind, boolean eco, DivisionCode division,
            int usageTermYears, List<PlotBatch> batches, BigDecimal sizeLimit, String by, Clock clock) {
        List<Plot> plots = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            PlotBatch batch = batches.get(i);
            if (batch.areaSqm().compareTo(sizeLimit) > 0) {
                throw Refusal.invalid("plot-too-large", batch.areaSqm().toPlainString(), sizeLimit.toPlainString())
                        .on("plots[" + i + "].areaSqm");
            }
            for (int n = 0; n < batch.count(); n++) {
                plots.add(Plot.free(batch.kind().name().charAt(0) + "-" + (plots.size() + 1), batch.kind(),
                        batch.areaSqm(), batch.place(n)));
            }
        }
        return new Cemetery(id, name, kind, eco, division, usageTermYears, plots, by, clock.instant());
    }

    /** The sections the cemetery is laid out in, in the order they were registered (none when not laid out). */
    public List<String> sections() {
        return plots.stream().map(Plot::place).filter(java.util.Objects::nonNull).map(Plot.Place::section)
                .distinct().toList();
    }

    /** One section's plots by row and number: the grid the workbench draws. */
    public List<Plot> section(String section) {
        return plots.stream().filter(p -> p.place() != null && p.place().section().equals(section))
                .sorted(java.util.Comparator.comparing((Plot p) -> p.place().row())
                        .thenComparing(p -> p.place().number())).toList();
    }

    /** 公益性公墓: only for residents of the cemetery's county (422 otherwise). */
    public void requireServes(DivisionCode residence) {
        if (kind == Kind.PUBLIC_WELFARE && !division.county().equals(residence.county())) {
            throw Refusal.rule("non-resident-public-cemetery", name, division.county().value());
        }
    }

    /**
     * The plot this death already has (a retried burial), else the plot reserved for the person (寿墓), else a free
     * plot of the kind. 409 when none is free.
     */
    public Plot allocate(Plot.Kind plotKind, String deathId, String personRef, LocalDate on) {
        Optional<Plot> already = plots.stream().filter(p -> deathId.equals(p.deathId())).findFirst();
        if (already.isPresent()) {
            return already.get();
        }
        for (int i = 0; i < plots.size(); i++) {
            if (plots.get(i).heldFor(personRef)) {
                Plot used = plots.get(i).usedBy(deathId, on.plusYears(usageTermYears));
                plots.set(i, used);
                return used;
            }
        }
        for (int i = 0; i < plots.size(); i++) {
            Plot plot = plots.get(i);
            if (plot.kind() == plotKind && plot.status() == Plot.Status.FREE) {
                Plot used = plot.usedBy(deathId, on.plusYears(usageTermYears));
                plots.set(i, used);
                return used;
            }
        }
        throw Refusal.conflict("no-free-plot", name, Refusal.term("plot." + plotKind));
    }

    /** Holds a free plot of the kind for a living person, or answers the plot already held for them (a retry). */
    public Plot reserve(Plot.Kind plotKind, Plot.Reservation reservation) {
        Optional<Plot> held = plots.stream().filter(p -> p.heldFor(reservation.personRef())).findFirst();
        if (held.isPresent()) {
            return held.get();
        }
        for (int i = 0; i < plots.size(); i++) {
            if (plots.get(i).kind() == plotKind && plots.get(i).status() == Plot.Status.FREE) {
                Plot reserved = plots.get(i).reservedFor(reservation);
                plots.set(i, reserved);
                return reserved;
            }
        }
        throw Refusal.conflict("no-free-plot", name, Refusal.term("plot." + plotKind));
    }

    /**
     * Extends a used plot's term by whole years from its current end. The caller names the end it saw, so a retried
     * renewal is refused (409 term-changed) instead of adding the years twice.
     */
    public Plot renew(String plotId, int years, LocalDate currentUntil) {
        for (int i = 0; i < plots.size(); i++) {
            Plot plot = plots.get(i);
            if (plot.id().equals(plotId)) {
                if (plot.status() != Plot.Status.USED) {
                    throw Refusal.conflict("plot-not-in-use", plotId);
                }
                if (!plot.termUntil().equals(currentUntil)) {
                    throw Refusal.conflict("term-changed", plot.termUntil()).on("currentUntil");
                }
                Plot renewed = plot.renewedUntil(plot.termUntil().plusYears(years));
                plots.set(i, renewed);
                return renewed;
            }
        }
        throw Refusal.notFound("not-found", Refusal.term("plot"), plotId).as("not-found.id");
    }

    /** Used plots whose term ends on or before the day (expired ones included), soonest first. */
    public List<Plot> termsEndingBy(LocalDate day) {
        return plots.stream().filter(p -> p.status() == Plot.Status.USED && p.termUntil() != null
                && !p.termUntil().isAfter(day)).sorted(java.util.Comparator.comparing(Plot::termUntil)).toList();
    }

    public Map<Plot.Status, Long> counts(Plot.Kind plotKind) {
        Map<Plot.Status, Long> counts = new java.util.EnumMap<>(Plot.Status.class);
        plots.stream().filter(p -> plotKind == null || p.kind() == plotKind)
                .forEach(p -> counts.merge(p.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public boolean eco() {
        return eco;
    }

    public DivisionCode division() {
        return division;
    }

    public int usageTermYears() {
        return usageTermYears;
    }

    public List<Plot> plots() {
        return List.copyOf(plots);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
