package cn.minzheng.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.Stack;
import cn.minzheng.devstack.StackSettings;
import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * {@code ./mz bench portal [households...]}: the workbench under 20 staff working at once (issue 31.10). The whole
 * platform with the assistance demo data; households are seeded through the API up to each size; 20 sessions log in
 * through the real Keycloak login form, then each opens the home page, a households list page and a household's
 * detail in a loop. Reported: each page's latency as the client sees it on loopback (p50, p95, p99), and the portal's
 * CPU per page next to the gateway's CPU per call, from the processes' own CPU time in the same run.
 */
final class PortalBenchmark {

    private enum Page { HOME, LIST, DETAIL }

    private static final int STAFF = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    /**
     * Before the first size, the JVMs of a freshly started stack are still compiling: measured after 20 s, the same
     * 1,000 households read at half the pages a second and twice the p95 of a second pass (2026-12-07). The first
     * size is warmed this much longer, so each size measures the platform's steady state.
     */
    private static final Duration FIRST_WARM_UP = Duration.ofSeconds(90);
    private boolean warmed;
    private static final Duration MEASURED = Duration.ofSeconds(60);
    /** Staff of 钟楼区: two township officers and two county approvers, five sessions each. */
    private static final List<String> USERS = List.of("zl-officer-1", "zl-officer-2", "zl-approver", "zl-approver-2");
    /** The gateway calls the home page makes: one per office whose worklists the person has (assistance's). */
    private static final int HOME_CALLS = 1;

    private final PlatformCalls calls = new PlatformCalls(HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).build());
    private final List<String> householdIds = Collections.synchronizedList(new ArrayList<>());

    static void run(List<Integer> sizes) throws Exception {
        new PortalBenchmark().measure(sizes);
    }

    private void measure(List<Integer> sizes) throws Exception {
        StackSettings settings = BenchmarkStacks.productionLike(384);
        // MZ_BENCH_PORTAL_JFR=<file>: a flight recording of the portal during the run, to see where its CPU goes.
        String jfr = System.getenv("MZ_BENCH_PORTAL_JFR");
        Map<String, String> portalEnv = jfr == null || jfr.isBlank() ? Map.of()
                : Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        try (Stack stack = Stack.start(settings, Map.of(Deployable.ASSISTANCE,
                Map.of("ASSISTANCE_DEMO_DATA", "true"), Deployable.PORTAL, portalEnv))) {
            String gateway = stack.gatewayUrl().toString();
            String keycloak = stack.keycloakUrl().toString();
            String portal = stack.portalUrl().toString();
            calls.post(gateway + "/api/assistance/standards", calls.token(keycloak, "zl-approver"), """
                    {"divisionCode":"320404","programme":"DIBAO","residence":"ALL","amount":800.00,
                     "effectiveFrom":"2018-07-01"}""");
            StringBuilder report = new StringBuilder("Workbench benchmark (%s): %d staff through the portal, each "
                    .formatted(LocalDate.now(), STAFF) + "looping home page, a households list page, a household's "
                    + "detail; " + WARM_UP.toSeconds() + " s warm-up (" + FIRST_WARM_UP.toSeconds() + " s before the "
                    + "first size), " + MEASURED.toSeconds() + " s measured\n");
            for (int size : sizes) {
                seed(gateway, keycloak, size);
                report.append(load(portal, size));
            }
            report.append("  machine   %d cores shared by the portal, gateway, five services, Keycloak, the store, "
                    .formatted(Runtime.getRuntime().availableProcessors()) + "the broker and the load generator\n"
                    + "  targets   home page p95 <= 300 ms; the portal's own CPU per page <= 5 ms\n");
            Reports.write("portal-report.txt", report);
        }
    }

    /** Households registered through the gateway until the county's seeded ones reach {@code size}. */
    private void seed(String gateway, String keycloak, int size) throws Exception {
        String officer = calls.token(keycloak, "zl-officer-1");
        AtomicInteger next = new AtomicInteger(householdIds.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                        householdIds.add(register(gateway, officer, i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        }
    }

    private String register(String gateway, String officer, int i) throws Exception {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i % 20_000);
        // People registered elsewhere (area 110101) so no seeded ID meets one of the demo data's.
        String first17 = "110101" + birth.toString().replace("-", "") + "%03d".formatted((i / 20_000) * 2 + 501);
        String id = first17 + ResidentIdNumber.checkCharacter(first17);
        String village = "320404001%03d".formatted(1 + i % 9);
        String created = calls.post(gateway + "/api/assistance/households", officer, """
                {"divisionCode":"%s","residence":"URBAN","address":"钟楼区某路 %d 号",
                 "members":[{"idNumber":"%s","name":"户主%d","relation":"HEAD","disabilityGrade":0,
                 "employed":false,"monthlyIncome":300.00}],"assets":{"deposits":0,"vehicles":0,"houses":1}}
                """.formatted(village, i, id, i));
        Matcher m = Pattern.compile("\"id\":\"(hh-[^\"]+)\"").matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("household not created: " + created);
        }
        return m.group(1);
    }

    private String load(String portal, int size) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int s = 0; s < STAFF; s++) {
            sessions.add(Session.login(portal, USERS.get(s % USERS.size())));
        }
        Map<Page, List<Long>> micros = new EnumMap<>(Page.class);
        for (Page page : Page.values()) {
            micros.put(page, Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicLong gatewayCalls = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        drive(sessions, warmed ? WARM_UP : FIRST_WARM_UP, new EnumMap<>(Map.of(Page.HOME, new ArrayList<>(),
                Page.LIST, new ArrayList<>(), Page.DETAIL, new ArrayList<>())), new AtomicLong(), failures);
        warmed = true;
        Map<String, Duration> cpuBefore = cpu();
        CpuUse everyProcess = CpuUse.start();
        drive(sessions, MEASURED, micros, gatewayCalls, failures);
        Map<String, Duration> cpuAfter = cpu();
        long pages = micros.values().stream().mapToLong(List::size).sum();
        double portalCpu = millis(cpuAfter, cpuBefore, "portal");
        double gatewayCpu = millis(cpuAfter, cpuBefore, "gateway");
        StringBuilder out = new StringBuilder("  %,d households seeded (plus the demo data's)\n".formatted(size));
        for (Page page : Page.values()) {
            List<Long> sorted = new ArrayList<>(micros.get(page));
            Collections.sort(sorted);
            out.append("    %-7s %,6d pages   p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms\n".formatted(page,
                    sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99)));
        }
        out.append("    %,d pages in %d s (%.1f pages/s), %d failed; %,d gateway calls made by the portal\n".formatted(
                pages, MEASURED.toSeconds(), pages / (double) MEASURED.toSeconds(), failures.get(),
                gatewayCalls.get()));
        out.append("    CPU: portal %.2f ms per page (%.1f s in all); gateway %.2f ms per call (%.1f s in all)\n"
                .formatted(portalCpu / pages, portalCpu / 1000, gatewayCpu / gatewayCalls.get(), gatewayCpu / 1000));
        // Every process's share, to see where the rest of the machine's time goes.
        out.append("    CPU in all, by process: " + everyProcess.since() + "\n");
        return out.toString();
    }

    private void drive(List<Session> sessions, Duration length, Map<Page, List<Long>> micros, AtomicLong gatewayCalls,
            AtomicInteger failures) throws Exception {
        Instant end = Instant.now().plus(length);
        try (ExecutorService staff = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < sessions.size(); s++) {
                Session session = sessions.get(s);
                int seed = s;
                running.add(staff.submit(() -> {
                    for (int round = 0; Instant.now().isBefore(end); round++) {
                        int n = seed * 7919 + round;
                        time(session, "/", Page.HOME, micros, failures);
                        time(session, "/assistance/households?page=" + (n % 50), Page.LIST, micros, failures);
                        time(session, "/assistance/households/" + householdIds.get(Math.floorMod(n * 31,
                                householdIds.size())), Page.DETAIL, micros, failures);
                        gatewayCalls.addAndGet(HOME_CALLS + 2L);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
    }

    private static void time(Session session, String path, Page page, Map<Page, List<Long>> micros,
            AtomicInteger failures) throws Exception {
        long start = System.nanoTime();
        int status = session.get(path);
        micros.get(page).add((System.nanoTime() - start) / 1_000);
        if (status != 200) {
            failures.incrementAndGet();
        }
    }

    private static double pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    /** CPU time per process of the platform, by its jar's module name. */
    private static Map<String, Duration> cpu() {
        Map<String, Duration> cpu = new ConcurrentHashMap<>();
        Pattern jar = Pattern.compile("/([a-z-]+)-[0-9][^/]*-exec\\.jar");
        ProcessHandle.current().descendants().forEach(process -> process.info().arguments().ifPresent(arguments -> {
            Matcher m = jar.matcher(String.join(" ", arguments));
            if (m.find()) {
                cpu.merge(m.group(1), process.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
            }
        }));
        return cpu;
    }

    private static double millis(Map<String, Duration> after, Map<String, Duration> before, String module) {
        return after.getOrDefault(module, Duration.ZERO).minus(before.getOrDefault(module, Duration.ZERO)).toNanos()
                / 1_000_000.0;
    }

    /**
     * A browser's cookie jar on loopback: browsers send {@code Secure} cookies to http://localhost (a secure context),
     * and Keycloak marks its login cookies so; the JDK's {@code CookieManager} would not send them over http.
     */
    private static final class LoopbackCookies extends java.net.CookieHandler {

        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            String cookie = pair.substring(0, eq).trim();
                            String content = pair.substring(eq + 1).trim();
                            if (content.isEmpty() || value.toLowerCase().contains("max-age=0")) {
                                cookies.remove(cookie);
                            } else {
                                cookies.put(cookie, content);
                            }
                        }
                    }
                }
            });
        }
    }

    /** One person's browser: a cookie jar, logged in through the portal and Keycloak's login form. */
    private static final class Session {

        private final HttpClient http;
        private final String portal;
        private final String user;

        private Session(HttpClient http, String portal, String user) {
            this.http = http;
            this.portal = portal;
            this.user = user;
        }

        static Session login(String portal, String user) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies()).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String keycloakLogin = location(http, portal + "/oauth2/authorization/keycloak");
            String form = http.send(HttpRequest.newBuilder(URI.create(keycloakLogin)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form);
            if (!action.find()) {
                throw new IllegalStateException("no login form for " + user);
            }
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode("dev-only-password", StandardCharsets.UTF_8);
            HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(URI.create(action.group(1)
                            .replace("&amp;", "&"))).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            String callback = posted.headers().firstValue("Location").orElseThrow(() ->
                    new IllegalStateException("login refused for " + user + ": " + posted.statusCode()));
            location(http, callback);
            Session session = new Session(http, portal, user);
            if (session.get("/") != 200) {
                throw new IllegalStateException("not logged in: " + user);
            }
            return session;
        }

        private static String location(HttpClient http, String url) throws Exception {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("Location").orElseThrow(() ->
                    new IllegalStateException(url + " -> " + response.statusCode()));
        }

        int get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(portal + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
