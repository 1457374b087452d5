package cn.minzheng.orgs.inspection;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.stereotype.Service;

/**
 * Commits plans and makes their draws: reads the candidates (the register of the division as of today) and the
 * pool's declared ties, takes a seed from the system's secure random source (no officer chooses it), draws, and
 * stores the candidate list, then the plan. Every draw is logged with its seed.
 */
@Service
public class PlanDrawing {

    private static final Logger log = LoggerFactory.getLogger(PlanDrawing.class);

    private final InspectionPlans plans;
    private final Inspections inspections;
    private final Organizations organizations;
    private final InspectorTies ties;
    private final PlanCandidates candidates;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    PlanDrawing(InspectionPlans plans, Inspections inspections, Organizations organizations, InspectorTies ties,
            PlanCandidates candidates, Clock clock) {
        this.plans = plans;
        this.inspections = inspections;
        this.organizations = organizations;
        this.ties = ties;
        this.candidates = candidates;
        this.clock = clock;
    }

    public InspectionPlan commit(int year, DivisionCode division, BigDecimal ratio, boolean allCharities,
            List<String> inspectors, String by) {
        InspectionPlan plan = InspectionPlan.commit(year, division, ratio, allCharities, inspectors, by, clock);
        draw(plan, by);
        plans.insert(plan);
        return plan;
    }

    /** The re-draw a second officer confirms; refused once a result was entered on the draw in force. */
    public InspectionPlan redraw(InspectionPlan plan, String by) {
        if (inspections.anyFor(plan.id())) {
            throw Refusal.conflict("redraw-after-results");
        }
        draw(plan, by);
        plans.save(plan);
        return plan;
    }

    private void draw(InspectionPlan plan, String by) {
        long started = System.nanoTime();
        List<Organizations.Candidate> register = organizations.candidates(plan.division(), LocalDate.now(clock));
        List<String> codes = register.stream().map(Organizations.Candidate::creditCode).toList();
        Set<String> charities = register.stream().filter(Organizations.Candidate::charity)
                .map(Organizations.Candidate::creditCode).collect(Collectors.toSet());
        Set<RandomDraw.Exclusion> exclusions = ties.of(plan.pool()).stream().map(InspectorTie::exclusion)
                .collect(Collectors.toSet());
        byte[] seed = new byte[16];
        random.nextBytes(seed);
        InspectionPlan.Draw draw = plan.draw(HexFormat.of().formatHex(seed), codes, charities, exclusions, by, clock);
        candidates.store(plan.id(), draw.number(), codes, charities.stream().sorted().toList());
        log.info("Plan {} draw {} by {}: seed {}, {} candidates, {} targets, {} exclusions, {} ms", plan.id(),
                draw.number(), by, draw.seed(), codes.size(), draw.assignments().size(), draw.exclusions().size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
