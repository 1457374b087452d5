package cn.minzheng.funeral.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import cn.minzheng.funeral.cemetery.BurialService;
import cn.minzheng.funeral.cemetery.Cemeteries;
import cn.minzheng.funeral.cemetery.Cemetery;
import cn.minzheng.funeral.cemetery.Plot;
import cn.minzheng.funeral.cemetery.PlotSizeLimits;
import cn.minzheng.funeral.death.Burial;
import cn.minzheng.funeral.death.CauseCategory;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.funeral.death.ServiceItem;
import cn.minzheng.funeral.death.ServiceRecord;
import cn.minzheng.platform.demo.DemoDataSet;
import cn.minzheng.platform.demo.DemoPeople;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * 钟楼区 and 金坛区: a public-welfare eco cemetery and a commercial one per county (plots within Jiangsu's size limit;
 * the fee catalogue is configuration), and 40 deaths of the last four months at their funeral homes, each with
 * transport, cold storage, a cremation and most with a burial (niche, tree, lawn or at sea). Through the real
 * aggregates, so their events are published like any other.
 */
@Component
@ConditionalOnProperty(name = "minzheng.funeral.demo-data", havingValue = "true")
class FuneralDemoData extends DemoDataSet {

    private static final List<String> COUNTIES = List.of("320404", "320413");

    private final Cemeteries cemeteries;
    private final Deaths deaths;
    private final BurialService burials;
    private final PlotSizeLimits limits;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final DemoPeople people = new DemoPeople(20_261_203);
    private final Random random = people.random();

    FuneralDemoData(MongoTemplate mongo, Cemeteries cemeteries, Deaths deaths, BurialService burials,
            PlotSizeLimits limits, PersonalDataCipher cipher, Clock clock) {
        super(mongo, clock, "funeral-demo-v1");
        this.cemeteries = cemeteries;
        this.deaths = deaths;
        this.burials = burials;
        this.limits = limits;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    protected void load() {
        for (String county : COUNTIES) {
            String name = county.equals("320404") ? "钟楼区" : "金坛区";
            item("cemeteries of " + county, () -> {
                cemeteries.insert(Cemetery.register("cem-demo-" + county + "-1", name + "公益性生态公墓",
                        Cemetery.Kind.PUBLIC_WELFARE, true, DivisionCode.of(county), 20, List.of(
                                new Cemetery.PlotBatch(Plot.Kind.NICHE, 300, new BigDecimal("0.10"), "骨灰堂一区", 20),
                                new Cemetery.PlotBatch(Plot.Kind.ECO, 200, new BigDecimal("0.30"), "生态园", 20)),
                        limits.limitFor(county), "demo-data", clock));
                cemeteries.insert(Cemetery.register("cem-demo-" + county + "-2", name + "经营性公墓",
                        Cemetery.Kind.COMMERCIAL, false, DivisionCode.of(county), 20, List.of(
                                new Cemetery.PlotBatch(Plot.Kind.GRAVE, 60, new BigDecimal("0.70"), "A区", 12),
                                new Cemetery.PlotBatch(Plot.Kind.GRAVE, 40, new BigDecimal("0.70"), "B区", 10)),
                        limits.limitFor(county), "demo-data", clock));
            });
        }
        for (int i = 0; i < 40; i++) {
            int index = i;
            item("death " + i, () -> death(index));
        }
    }

    private void death(int index) {
        String county = COUNTIES.get(index % 2);
        LocalDate today = LocalDate.now(clock);
        LocalDate died = today.minusDays(5 + random.nextInt(115));
        String village = county + (county.equals("320404") ? "001" : "100") + String.format("%03d", 1 + index % 5);
        ProtectedIdNumber id = ProtectedIdNumber.protect(people.idNumber(county, people.birthDay(1925, 30),
                random.nextBoolean()), cipher);
        Death death = Death.record(id, people.name(), died, "医院", CauseCategory.values()[index % 4],
                DivisionCode.of(village), DivisionCode.of(county), "demo-home-" + county, null, "demo-data", clock);
        death.serve(new ServiceRecord(ServiceItem.TRANSPORT, 1, died, "demo-data"), clock);
        death.serve(new ServiceRecord(ServiceItem.COLD_STORAGE, 2 + random.nextInt(4), died, "demo-data"), clock);
        if (index % 3 == 0) {
            death.serve(new ServiceRecord(ServiceItem.FAREWELL, 1, died.plusDays(2), "demo-data"), clock);
        }
        death.cremated("DEMO-" + county + "-" + String.format("%05d", index), died.plusDays(3), "demo-data", clock);
        deaths.insert(death);
        Burial.BurialType type = List.of(Burial.BurialType.NICHE, Burial.BurialType.TREE, Burial.BurialType.LAWN,
                Burial.BurialType.SEA, Burial.BurialType.NICHE).get(index % 5);
        if (index % 7 != 6) {
            burials.bury(deaths.get(death.id()), type, type == Burial.BurialType.SEA ? null
                    : "cem-demo-" + county + "-1", died.plusDays(5), "demo-data");
        }
    }
}
