package cn.minzheng.eldercare.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.minzheng.eldercare.facility.BedCounters;
import cn.minzheng.eldercare.facility.BedType;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.eldercare.facility.Operator;
import cn.minzheng.eldercare.facility.Ownership;
import cn.minzheng.eldercare.meal.MealRecord;
import cn.minzheng.eldercare.meal.Meals;
import cn.minzheng.eldercare.resident.AbilityLevel;
import cn.minzheng.eldercare.resident.AdmissionService;
import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.eldercare.serviceorder.ServiceOrder;
import cn.minzheng.eldercare.serviceorder.ServiceOrders;
import cn.minzheng.eldercare.serviceorder.ServiceType;
import cn.minzheng.platform.demo.DemoDataSet;
import cn.minzheng.platform.demo.DemoPeople;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * 钟楼区's facilities of every type, 30 in all (the realm's {@code facility-operator} works at
 * {@code fac-320404-001}, the social welfare home), residents in the care homes, a month of lunches at the meal
 * points and home-care orders served with proof. Loaded once by the run command, through the real services;
 * ID numbers are generated and belong to no one.
 */
@Component
@ConditionalOnProperty(name = "minzheng.eldercare.demo-data", havingValue = "true")
class DemoData extends DemoDataSet {

    private record Site(String id, String name, FacilityType type, Ownership ownership, String township,
            String address, int beds, int nursing) {
    }

    private static final CreditCode OPERATOR = CreditCode.of("52320404MJ5837462K");

    private static final List<Site> SITES = List.of(
            new Site("fac-320404-001", "钟楼区社会福利院", FacilityType.CARE_HOME, Ownership.PUBLIC_BUILT_PRIVATE_OPERATED,
                    "320404001", "西新桥二路 18 号", 200, 160),
            new Site("fac-320404-002", "钟楼区五星街道敬老院", FacilityType.CARE_HOME, Ownership.PUBLIC, "320404002",
                    "五星街道新闸路 6 号", 80, 60),
            new Site("fac-320404-003", "颐和护理院", FacilityType.CARE_HOME, Ownership.PRIVATE, "320404003",
                    "永红街道广成路 21 号", 120, 110),
            new Site("fac-320404-004", "南大街街道日间照料中心", FacilityType.DAY_CARE_CENTRE, Ownership.PUBLIC,
                    "320404001", "南大街街道广化社区", 0, 0),
            new Site("fac-320404-005", "西林街道居家养老服务中心", FacilityType.HOME_CARE_CENTRE, Ownership.PUBLIC,
                    "320404004", "西林街道勤业路 3 号", 0, 0),
            new Site("fac-320404-006", "荷花池社区助餐点", FacilityType.MEAL_POINT, Ownership.PUBLIC, "320404001",
                    "荷花池社区服务中心一楼", 0, 0),
            new Site("fac-320404-007", "钟楼区中央厨房", FacilityType.CENTRAL_KITCHEN, Ownership.PRIVATE, "320404005",
                    "邹区镇工业园 9 号", 0, 0),
            new Site("fac-320404-008", "怀德苑睦邻点", FacilityType.MUTUAL_AID_POINT, Ownership.PUBLIC, "320404002",
                    "怀德苑小区 12 幢", 0, 0));

    private final Facilities facilities;
    private final BedCounters beds;
    private final AdmissionService admissions;
    private final PersonalDataCipher cipher;
    private final Meals meals;
    private final ServiceOrders orders;
    private final Clock clock;
    private final DemoPeople people = new DemoPeople(20_261_202);

    DemoData(MongoTemplate mongo, Facilities facilities, BedCounters beds, AdmissionService admissions,
            Meals meals, ServiceOrders orders, PersonalDataCipher cipher, Clock clock) {
        super(mongo, clock, "eldercare-demo-v2");
        this.meals = meals;
        this.orders = orders;
        this.facilities = facilities;
        this.beds = beds;
        this.admissions = admissions;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    protected void load() {
        for (Site site : SITES) {
            item("facility " + site.id(), () -> {
                Operator operator = site.ownership() == Ownership.PUBLIC_BUILT_PRIVATE_OPERATED
                        ? new Operator(OPERATOR, "常州市钟楼区颐和养老服务中心", LocalDate.of(2029, 12, 31)) : null;
                Facility facility = Facility.register(site.id(), site.name(), site.type(), site.ownership(), operator,
                        "320404-2021-" + site.id().substring(site.id().length() - 3), DivisionCode.of(site.township()),
                        "常州市钟楼区" + site.address(), site.beds(), site.nursing(), "demo-data", clock);
                facilities.insertIfAbsent(facility);
                beds.open(facility);
            });
        }
        // More meal points, one per community, so the finder and the meal records have 钟楼区's spread (30 in all).
        for (int i = 9; i <= 30; i++) {
            String id = "fac-320404-%03d".formatted(i);
            String township = "3204040" + "%02d".formatted(1 + i % 7);
            item("facility " + id, () -> {
                Facility point = Facility.register(id, "钟楼区第 " + id.substring(11) + " 社区助餐点", FacilityType.MEAL_POINT,
                        Ownership.PUBLIC, null, "320404-2022-" + id.substring(11), DivisionCode.of(township),
                        "常州市钟楼区社区服务中心", 0, 0, "demo-data", clock);
                facilities.insertIfAbsent(point);
                beds.open(point);
            });
        }
        AbilityLevel[] levels = AbilityLevel.values();
        for (int i = 0; i < 60; i++) {
            int index = i;
            item("resident " + i, () -> {
                Facility home = facilities.get(SITES.get(index % 3).id());
                AbilityLevel ability = levels[people.random().nextInt(levels.length)];
                BedType bed = ability.ordinal() >= AbilityLevel.MODERATE.ordinal() ? BedType.NURSING : BedType.GENERAL;
                Elder elder = Elder.of(people.idNumber("320404", people.birthDay(1928, 25), people.random()
                        .nextBoolean()), people.name(), cipher);
                admissions.admit(home, elder, ability, bed, "demo-data");
            });
        }
        // A month of lunches at the meal points by 40 older people of the community.
        List<ResidentIdNumber> diners = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            diners.add(people.idNumber("320404", people.birthDay(1930, 30), people.random().nextBoolean()));
        }
        LocalDate today = LocalDate.now(clock);
        for (int day = 30; day >= 1; day--) {
            LocalDate date = today.minusDays(day);
            item("lunches of " + date, () -> {
                for (int d = 0; d < diners.size(); d++) {
                    Facility point = facilities.get("fac-320404-%03d".formatted(6 + (d % 5 == 0 ? 0 : 3 + d % 20)));
                    meals.record(point, diners.get(d), people.name(), date, MealRecord.Meal.LUNCH, "demo-data");
                }
            });
        }
        // Home-care orders for the oldest diners, each served with proof.
        for (int i = 0; i < 10; i++) {
            int index = i;
            item("home-care order " + i, () -> {
                ResidentIdNumber idNumber = people.idNumber("320404", people.birthDay(1930, 10), index % 2 == 0);
                Elder elder = Elder.of(idNumber, people.name(), cipher);
                LocalDate planned = today.minusDays(2 + index);
                ServiceOrder order = orders.order(elder, DivisionCode.of("320404001"), false,
                        ServiceType.values()[index % ServiceType.values().length], OPERATOR, "常州市钟楼区颐和养老服务中心",
                        planned, new java.math.BigDecimal("2.0"), "demo-data");
                java.time.Instant checkIn = planned.atTime(9, 0).atZone(clock.getZone()).toInstant();
                orders.prove(order, checkIn, checkIn.plus(java.time.Duration.ofMinutes(100 + index * 5)),
                        "常州市钟楼区南大街街道", true, "%064x".formatted(index + 1L), "demo-data");
            });
        }
    }
}
