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
import cn.minzheng.eldercare.resident.AbilityLevel;
import cn.minzheng.eldercare.resident.AdmissionService;
import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.platform.demo.DemoDataSet;
import cn.minzheng.platform.demo.DemoPeople;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * 钟楼区's facilities of every type (the realm's {@code facility-operator} works at {@code fac-320404-001}, the
 * social welfare home) and residents in the care homes. Loaded once by the run command, through the real services;
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
    private final Clock clock;
    private final DemoPeople people = new DemoPeople(20_261_202);

    DemoData(MongoTemplate mongo, Facilities facilities, BedCounters beds, AdmissionService admissions,
            PersonalDataCipher cipher, Clock clock) {
        super(mongo, clock, "eldercare-demo-v1");
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
    }
}
