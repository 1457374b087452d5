package cn.minzheng.benchmarks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * The people of the after-death benchmark, set up through the gateway with the realm's users as the offices would:
 * each deceased woman heads a two-person household enrolled in 低保 (registered, applied, reviewed, noticed,
 * approved: the assistance clock is moved past the public notice), every second one lives in one care home, every
 * fourth is married to her husband at a registry office.
 */
final class AfterDeathScene {

    /** One person who will die: her ID number, her household, her resident record and marriage if any. */
    record Person(String idNumber, String householdId, String residentId, String marriageId) {
    }

    record Scene(List<Person> people, String facilityId, LocalDate today) {
    }

    private final PlatformCalls calls;
    private final String gateway;
    /** The addresses whose dev clocks move together for a service: the gateway, or each instance when two run. */
    private final java.util.function.Function<String, List<String>> clocks;

    AfterDeathScene(PlatformCalls calls, String gateway) {
        this(calls, gateway, service -> List.of(gateway));
    }

    AfterDeathScene(PlatformCalls calls, String gateway, java.util.function.Function<String, List<String>> clocks) {
        this.calls = calls;
        this.gateway = gateway;
        this.clocks = clocks;
    }

    /** Moves a service's clock on every instance, so no instance answers from another day. */
    private void moveClock(String service, String admin, String by) throws Exception {
        for (String base : clocks.apply(service)) {
            calls.post(base + "/api/" + service + "/dev/clock", admin, "{\"by\":\"" + by + "\"}");
        }
    }

    Scene build(String keycloak, int count) throws Exception {
        String officer = calls.token(keycloak, "zl-officer-1");
        String approver = calls.token(keycloak, "zl-approver");
        String admin = calls.token(keycloak, "admin");
        String eldercare = calls.token(keycloak, "eldercare-officer");
        String registrar = calls.token(keycloak, "registrar");

        calls.post(gateway + "/api/assistance/standards", approver, """
                {"divisionCode":"320404","programme":"DIBAO","residence":"ALL","amount":800.00,"effectiveFrom":"2018-07-01"}""");
        String facility = PlatformCalls.field(calls.post(gateway + "/api/eldercare/facilities", eldercare, """
                {"name":"压测一件事敬老院","type":"CARE_HOME","ownership":"PUBLIC","divisionCode":"320404001",
                 "beds":{"total":%d,"nursing":0}}""".formatted(Math.max(1, count / 2))), "id");
        String office = registryOffice(admin);
        LocalDate today = OffsetDateTime.parse(PlatformCalls.field(calls.get(gateway + "/api/funeral/dev/clock",
                admin), "now")).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();

        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<String[]>> applied = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                applied.add(pool.submit(() -> apply(officer, eldercare, registrar, facility, office, n)));
            }
            List<String[]> rows = new ArrayList<>();
            for (Future<String[]> row : applied) {
                rows.add(row.get());
            }
            moveClock("assistance", admin, "P20D");
            List<Future<String>> approvals = new ArrayList<>();
            for (String[] row : rows) {
                approvals.add(pool.submit(() -> calls.post(gateway + "/api/assistance/applications/" + row[2]
                        + "/approval", approver, "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}")));
            }
            for (Future<String> approval : approvals) {
                approval.get();
            }
            List<Person> people = rows.stream().map(r -> new Person(r[0], r[1], r[3], r[4])).toList();
            return new Scene(people, facility, today);
        }
    }

    /** ID number, household, application, resident (or null), marriage (or null) of person {@code n}. */
    private String[] apply(String officer, String eldercare, String registrar, String facility, String office, int n)
            throws Exception {
        String woman = idNumber(LocalDate.of(1936, 1, 1).plusDays(n), "002");
        String husband = idNumber(LocalDate.of(1934, 1, 1).plusDays(n), "001");
        String household = PlatformCalls.field(calls.post(gateway + "/api/assistance/households", officer, """
                {"divisionCode":"320404001007","residence":"URBAN","address":"钟楼区压测路 %d 号","members":[
                 {"idNumber":"%s","name":"压测老人","relation":"HEAD","disabilityGrade":0,"employed":false,"monthlyIncome":0},
                 {"idNumber":"%s","name":"压测老伴","relation":"SPOUSE","disabilityGrade":0,"employed":false,"monthlyIncome":0}],
                 "assets":{"deposits":0,"vehicles":0,"houses":1}}""".formatted(n, woman, husband)), "id");
        String application = PlatformCalls.field(calls.post(gateway + "/api/assistance/applications", officer, """
                {"householdId":"%s","programme":"DIBAO","reason":"高龄无收入"}""".formatted(household)), "id");
        calls.post(gateway + "/api/assistance/applications/" + application + "/review", officer,
                "{\"decision\":\"PASS\",\"opinion\":\"入户核查属实\"}");
        String resident = n % 2 == 0 ? PlatformCalls.field(calls.post(gateway + "/api/eldercare/facilities/"
                + facility + "/admissions", eldercare, """
                {"idNumber":"%s","name":"压测老人","abilityLevel":"MILD","bedType":"GENERAL"}""".formatted(woman)),
                "id") : null;
        String marriage = n % 4 == 1 ? PlatformCalls.field(calls.post(gateway + "/api/registry/marriages",
                registrar, """
                {"partyA":{"idNumber":"%s","name":"压测老伴"},"partyB":{"idNumber":"%s","name":"压测老人"},
                 "officeId":"%s","declarationSigned":true}""".formatted(husband, woman, office)), "id") : null;
        return new String[] {woman, household, application, resident, marriage};
    }

    /** An office open every day; registry's and funeral's clocks moved to its next registration day if today is not one. */
    private String registryOffice(String admin) throws Exception {
        String office = PlatformCalls.field(calls.post(gateway + "/api/registry/offices", admin, """
                {"code":"BENCH1","name":"压测婚姻登记处","divisionCode":"320404","address":"钟楼区某路",
                 "openingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                 "bands":[{"slot":"09:00-10:00","capacity":5}]}"""), "id");
        LocalDate day = OffsetDateTime.parse(PlatformCalls.field(calls.get(gateway + "/api/registry/dev/clock",
                admin), "now")).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        int ahead = 0;
        while (!calls.get(gateway + "/api/registry/offices/" + office + "/slots?date=" + day.plusDays(ahead), admin)
                .contains("\"officeOpen\":true")) {
            ahead++;
        }
        if (ahead > 0) {
            // Funeral's clock too: a death reported before the day of a marriage is refused by the registry.
            moveClock("registry", admin, "P" + ahead + "D");
            moveClock("funeral", admin, "P" + ahead + "D");
        }
        return office;
    }

    private static String idNumber(LocalDate birth, String sequence) {
        String first17 = "320404" + birth.toString().replace("-", "") + sequence;
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
