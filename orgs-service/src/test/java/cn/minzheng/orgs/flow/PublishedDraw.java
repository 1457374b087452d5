package cn.minzheng.orgs.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The draw as the README describes it, written again from that text alone (no service code), the way a member of
 * the public would: what it computes from a plan's published seed, candidates, charities, ratio, pool and
 * exclusions must be exactly what the service drew.
 */
final class PublishedDraw {

    private final String seed;
    private long k;

    private PublishedDraw(String seed) {
        this.seed = seed;
    }

    private long next() throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-256").digest((seed + ":" + k++).getBytes(StandardCharsets.UTF_8));
        return new java.math.BigInteger(1, java.util.Arrays.copyOf(h, 8)).shiftRight(1).longValueExact();
    }

    private int below(int n) throws Exception {
        long limit = n * (Long.MAX_VALUE / n);
        while (true) {
            long x = next();
            if (x < limit) {
                return (int) (x % n);
            }
        }
    }

    /** Target credit code to its two inspectors, in the order drawn. */
    static Map<String, List<String>> run(String seed, List<String> candidates, Set<String> charities,
            boolean allCharities, java.math.BigDecimal ratio, List<String> pool, Set<String> excludedPairs)
            throws Exception {
        PublishedDraw chance = new PublishedDraw(seed);
        List<String> targets = new ArrayList<>();
        List<String> population = new ArrayList<>();
        for (String c : candidates) {
            (allCharities && charities.contains(c) ? targets : population).add(c);
        }
        int count = ratio.multiply(java.math.BigDecimal.valueOf(population.size()))
                .setScale(0, java.math.RoundingMode.CEILING).intValue();
        for (int i = 0; i < count; i++) {
            int j = i + chance.below(population.size() - i);
            String t = population.get(j);
            population.set(j, population.get(i));
            population.set(i, t);
            targets.add(t);
        }
        Map<String, List<String>> drawn = new LinkedHashMap<>();
        for (String target : targets) {
            List<String> eligible = new ArrayList<>(pool.stream().sorted()
                    .filter(p -> !excludedPairs.contains(p + "|" + target)).toList());
            String first = eligible.remove(chance.below(eligible.size()));
            drawn.put(target, List.of(first, eligible.get(chance.below(eligible.size()))));
        }
        return drawn;
    }
}
