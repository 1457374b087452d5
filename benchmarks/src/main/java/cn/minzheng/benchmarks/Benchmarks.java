package cn.minzheng.benchmarks;

import java.util.List;

/** {@code ./mz bench <name>}: runs one benchmark and writes its report under benchmarks/target/. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
        String name = args.length > 0 ? args[0] : "outbox";
        switch (name) {
            case "outbox" -> OutboxRelayBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 100_000,
                    args.length > 2 ? sizes(args, 2) : List.of(10_000, 1_000_000));
            case "audit" -> AuditAppendBenchmark.run(args.length > 1 ? sizes(args, 1) : List.of(1_000, 1_000_000));
            case "reads" -> {
                if (args.length > 3) {
                    ReadBenchmark.runAgainst(args[1], args[2], args[3]);
                } else {
                    ReadBenchmark.run();
                }
            }
            case "payroll" -> {
                boolean h2 = args.length > 1 && args[1].equals("--h2");
                int first = h2 ? 2 : 1;
                PayrollBenchmark.run(args.length > first ? sizes(args, first) : List.of(100_000, 300_000, 1_000_000),
                        h2);
            }
            case "booking" -> BookingBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 5_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 10);
            case "meals" -> LunchRushBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 50_000);
            case "admissions" -> AdmissionsBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 2_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 100);
            case "after-death" -> AfterDeathBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 1_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 20);
            case "orgs" -> OrgsBenchmark.run(args.length > 1 ? sizes(args, 1) : List.of(10_000, 100_000));
            case "allowance-sweep" -> AllowanceSweepBenchmark.run(args.length > 1 ? sizes(args, 1)
                    : List.of(1_000, 4_000));
            case "portal" -> PortalBenchmark.run(args.length > 1 ? sizes(args, 1) : List.of(1_000, 10_000));
            default -> throw new IllegalArgumentException("unknown benchmark " + name
                    + " (known: outbox, payroll, audit, reads, booking, admissions, meals, after-death, orgs, "
                    + "allowance-sweep, portal)");
        }
        // Helpers such as the token issuer's JWKS server keep non-daemon threads; the report is written: done.
        System.exit(0);
    }

    private static List<Integer> sizes(String[] args, int from) {
        return java.util.Arrays.stream(args, from, args.length).map(Integer::parseInt).toList();
    }
}
