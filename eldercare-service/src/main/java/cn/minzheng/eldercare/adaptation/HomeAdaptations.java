package cn.minzheng.eldercare.adaptation;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.minzheng.eldercare.death.Deaths;
import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.eldercare.support.AssistanceStatus;
import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Home adaptations (collection {@code home_adaptations}), for poor older people: aged 60 or more and supported by
 * 低保 or 特困 on the day of the assessment (this service's projection of assistance's events). The subsidy cap is
 * the county's ({@code minzheng.eldercare.home-adaptation.subsidy-cap}).
 */
@Component
public class HomeAdaptations extends AggregateCollection<HomeAdaptation> {

    static final int MINIMUM_AGE = 60;

    private final AssistanceStatus assistance;
    private final Deaths deaths;
    private final BigDecimal cap;
    private final Clock clock;

    HomeAdaptations(MongoTemplate mongo, OutboxWrites writes, AssistanceStatus assistance, Deaths deaths,
            @Value("${minzheng.eldercare.home-adaptation.subsidy-cap:3000.00}") BigDecimal cap, Clock clock) {
        super(mongo, writes, HomeAdaptation.class, "home_adaptations", "home-adaptation");
        this.assistance = assistance;
        this.deaths = deaths;
        this.cap = cap;
        this.clock = clock;
    }

    /** One index per query shape that does not go by {@code _id} (the statistics count acceptances by division). */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "acceptedOn"), index("division", "assessedOn"),
                index("status", "division", "assessedOn"));
    }

    /** A page of the division's adaptations (of one status, when given), the latest assessed first. */
    public List<HomeAdaptation> page(DivisionCode division, HomeAdaptation.Status status, long offset, int limit) {
        return latestFirst(within(division, "status", status), "assessedOn", offset, limit);
    }

    public long count(DivisionCode division, HomeAdaptation.Status status) {
        return count(within(division, "status", status));
    }

    public HomeAdaptation assess(Elder elder, DivisionCode division, String address, List<String> items,
            LocalDate assessedOn, BigDecimal estimatedCost, String by) {
        deaths.requireAliveOn(elder.personRef(), assessedOn, "idNumber");
        if (elder.ageOn(assessedOn) < MINIMUM_AGE
                || assistance.on(elder.personRef(), assessedOn).isEmpty()) {
            throw Refusal.rule("adaptation-not-eligible", MINIMUM_AGE).on("idNumber");
        }
        HomeAdaptation adaptation = HomeAdaptation.assess(elder, division, address, items, assessedOn,
                estimatedCost, by, clock);
        insert(adaptation);
        return adaptation;
    }

    public HomeAdaptation startConstruction(HomeAdaptation adaptation, LocalDate startedOn, String contractor) {
        adaptation.startConstruction(startedOn, contractor, clock);
        save(adaptation);
        return adaptation;
    }

    public HomeAdaptation accept(HomeAdaptation adaptation, LocalDate on, boolean passed, BigDecimal cost,
            String note) {
        adaptation.accept(on, passed, cost, note, cap, clock);
        save(adaptation);
        return adaptation;
    }
}
