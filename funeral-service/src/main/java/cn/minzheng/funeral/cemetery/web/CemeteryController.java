package cn.minzheng.funeral.cemetery.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.minzheng.funeral.cemetery.BurialService;
import cn.minzheng.funeral.cemetery.Cemeteries;
import cn.minzheng.funeral.cemetery.Cemetery;
import cn.minzheng.funeral.cemetery.Plot;
import cn.minzheng.funeral.cemetery.PlotSizeLimits;
import cn.minzheng.funeral.death.Burial;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cemeteries with their plots, and burials (a plot allocated once, the eco reward once per death). */
@Tag(name = "公墓与安葬 Cemeteries and burials", description = "公墓、墓位和安葬（含节地生态安葬）。 "
        + "Cemeteries, plots and burials, eco-burial included.")
@RestController
class CemeteryController {

    private static final String STAFF = "hasAnyRole('funeral-officer', 'funeral-home-operator', 'auditor', 'admin')";

    private final Cemeteries cemeteries;
    private final Deaths deaths;
    private final BurialService burials;
    private final PlotSizeLimits limits;
    private final Authorization authorization;
    private final Clock clock;

    CemeteryController(Cemeteries cemeteries, Deaths deaths, BurialService burials, PlotSizeLimits limits,
            Authorization authorization, Clock clock) {
        this.cemeteries = cemeteries;
        this.deaths = deaths;
        this.burials = burials;
        this.limits = limits;
        this.authorization = authorization;
        this.clock = clock;
    }

    record NewCemetery(@NotBlank @Size(max = 100) String name, @NotNull Cemetery.Kind kind, boolean eco,
            @NotNull DivisionCode divisionCode, @Min(1) @Max(70) Integer usageTermYears,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull PlotBody> plots) {
    }

    record PlotBody(@NotNull Plot.Kind kind, @Min(1) @Max(5000) int count,
            @NotNull @DecimalMin("0.01") @Digits(integer = 3, fraction = 2) BigDecimal areaSqm,
            @Size(min = 1, max = 20) String section, @Min(1) @Max(200) Integer perRow) {
    }

    record NewBurial(@NotBlank @Size(max = 120) String deathId, @Size(max = 64) String cemeteryId,
            @NotNull Burial.BurialType type, @NotNull LocalDate date) {
    }

    record CemeteryResponse(String id, String name, Cemetery.Kind kind, boolean eco, String divisionCode,
            int usageTermYears, Map<Plot.Kind, Map<Plot.Status, Long>> plots, List<String> sections,
            BigDecimal maxPlotArea, long version) {

        static CemeteryResponse of(Cemetery c, BigDecimal limit) {
            Map<Plot.Kind, Map<Plot.Status, Long>> counts = new java.util.EnumMap<>(Plot.Kind.class);
            for (Plot.Kind kind : Plot.Kind.values()) {
                Map<Plot.Status, Long> of = c.counts(kind);
                if (!of.isEmpty()) {
                    counts.put(kind, of);
                }
            }
            return new CemeteryResponse(c.id(), c.name(), c.kind(), c.eco(), c.division().value(),
                    c.usageTermYears(), counts, c.sections(), limit, c.version());
        }
    }

    @Operation(summary = "登记公墓 Register a cemetery",
            description = "公益性公墓只为本县居民服务；墓位面积不得超过所在地上限（全国 1 平方米，可由省、县收紧）。\n"
                    + "A public-welfare cemetery serves residents of its county only; plots may not exceed the "
                    + "division's limit (1 m² nationally, tightened by provinces and counties).")
    @PostMapping("/api/funeral/cemeteries")
    @PreAuthorize("hasRole('funeral-officer')")
    ResponseEntity<CemeteryResponse> register(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody NewCemetery command) {
        Caller caller = Caller.from(jwt);
        authorization.requireDivision(caller, command.divisionCode(), "cemetery", null);
        BigDecimal limit = limits.limitFor(command.divisionCode().value());
        Cemetery cemetery = Cemetery.register("cem-" + UUID.randomUUID(), command.name(), command.kind(),
                command.eco(), command.divisionCode(), command.usageTermYears() == null ? 20
                        : command.usageTermYears(), command.plots().stream().map(p -> new Cemetery.PlotBatch(
                                p.kind(), p.count(), p.areaSqm(), p.section(), p.perRow())).toList(), limit, caller.username(), clock);
        cemeteries.insert(cemetery);
        return ResponseEntity.created(URI.create("/api/funeral/cemeteries/" + cemetery.id()))
                .eTag(ETags.of(cemetery.version())).body(CemeteryResponse.of(cemetery, limit));
    }

    @Operation(summary = "公墓列表 List cemeteries", description = "按区划列出公墓及各类墓位的空闲、使用数。\n"
            + "Cemeteries of a division with their free and used plots by kind.")
    @GetMapping("/api/funeral/cemeteries")
    @PreAuthorize(STAFF)
    PageResponse<CemeteryResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "cemetery");
        return PageResponse.of(cemeteries.find(scope, page.offset(), page.size()), page, cemeteries.count(scope),
                c -> CemeteryResponse.of(c, limits.limitFor(c.division().value())));
    }

    @Operation(summary = "查看公墓 Read a cemetery", description = "公墓及其墓位统计。\nA cemetery and its plot counts.")
    @GetMapping("/api/funeral/cemeteries/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<CemeteryResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Cemetery cemetery = cemeteries.get(id);
        authorization.requireDivision(Caller.from(jwt), cemetery.division(), "cemetery", id);
        return ResponseEntity.ok().eTag(ETags.of(cemetery.version()))
                .body(CemeteryResponse.of(cemetery, limits.limitFor(cemetery.division().value())));
    }

    /** A plot as the grid shows it: where it lies, its state and term, and what the caller may do on it. */
    record PlotView(String id, Plot.Kind kind, BigDecimal areaSqm, int row, int number, Plot.Status status,
            String deathId, LocalDate termUntil, List<Plot.Action> actions) {
    }

    record PlotGrid(String cemeteryId, List<String> sections, String section, List<PlotView> plots) {
    }

    @Operation(summary = "墓区墓位 A section's plots",
            description = "按墓区列出墓位（排、号、状态、使用期限），不给墓区时列第一个墓区；未分区的公墓没有墓区。不含预留人的个人信息。\n"
                    + "A section's plots by row and number with their status and term; without a section, the "
                    + "first one; a cemetery not laid out has none. No reserving person's details.")
    @GetMapping("/api/funeral/cemeteries/{id}/plots")
    @PreAuthorize(STAFF)
    PlotGrid plots(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestParam(required = false) @Size(max = 20) String section) {
        Cemetery cemetery = cemeteries.get(id);
        authorization.requireDivision(Caller.from(jwt), cemetery.division(), "cemetery", id);
        List<String> sections = cemetery.sections();
        String shown = section != null ? section : sections.isEmpty() ? null : sections.getFirst();
        if (shown != null && !sections.contains(shown)) {
            throw Refusal.notFound("not-found", Refusal.term("section"), section).as("not-found.id");
        }
        boolean officer = Caller.from(jwt).hasRole("funeral-officer");
        List<PlotView> plots = shown == null ? List.of() : cemetery.section(shown).stream().map(p -> new PlotView(
                p.id(), p.kind(), p.areaSqm(), p.place().row(), p.place().number(), p.status(), p.deathId(),
                p.termUntil(), p.actions(officer))).toList();
        return new PlotGrid(cemetery.id(), sections, shown, plots);
    }

    @Operation(summary = "安葬 Record a burial",
            description = "分配墓位（同一墓位不会重复分配）；公益性公墓拒绝非本县户籍（422）；节地生态安葬每人奖补一次。\n"
                    + "Allocates a plot (never twice); a public-welfare cemetery refuses a non-resident (422); an "
                    + "eco burial earns the county's reward once per death.")
    @PostMapping("/api/funeral/burials")
    @PreAuthorize("hasRole('funeral-officer')")
    ResponseEntity<Object> bury(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewBurial command) {
        Caller caller = Caller.from(jwt);
        Death death = deaths.get(command.deathId());
        authorization.requireDivision(caller, death.funeralHomeDivision(), "death", death.id());
        Death buried = burials.bury(death, command.type(), command.cemeteryId(), command.date(), caller.username());
        return ResponseEntity.ok().eTag(ETags.of(buried.version())).body(Map.of("deathId", buried.id(),
                "burial", buried.burial()));
    }
}
