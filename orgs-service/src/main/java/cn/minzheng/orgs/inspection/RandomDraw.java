package cn.minzheng.orgs.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The draw of 双随机一公开, a pure function of published inputs (the algorithm is in the service README):
 * <ol>
 * <li>The candidates are the credit codes of the organisations under the plan, sorted ascending. When the plan
 * inspects every charity, the charities among them are targets in that order, and the rest are the population;
 * otherwise every candidate is.</li>
 * <li>k = ceil(ratio × population) targets are drawn from the population by a partial Fisher-Yates shuffle: for
 * i = 0..k−1, j = i + below(population − i), swap positions i and j; the first k, in that order, follow the
 * charities.</li>
 * <li>For each target in turn, the eligible inspectors are the pool, sorted ascending, less those excluded for
 * that target; the first is eligible[below(e)], the second is drawn the same way from the rest.</li>
 * </ol>
 * All chance comes from one {@link SeededStream}, used in exactly this order.
 */
public final class RandomDraw {

    private RandomDraw() {
    }

    /** An inspector who may not inspect an organisation (a declared tie); the reason is not part of the draw. */
    public record Exclusion(String inspector, String creditCode) {
    }

    public record Assignment(String creditCode, boolean charity, List<String> inspectors) {
    }

    /** Targets to which fewer than two unconflicted inspectors could be assigned. */
    public static final class PoolTooSmall extends RuntimeException {
        private final List<String> targets;

        PoolTooSmall(List<String> targets) {
            super("pool too small for " + targets.size() + " target(s)", null, false, false);
            this.targets = List.copyOf(targets);
        }

        public List<String> targets() {
            return targets;
        }
    }

    public static List<Assignment> draw(String seed, List<String> candidates, Set<String> charities,
            boolean allCharities, BigDecimal ratio, List<String> pool, Set<Exclusion> exclusions) {
        SeededStream chance = new SeededStream(seed);
        List<String> targets = new ArrayList<>();
        List<String> population = new ArrayList<>(candidates.size());
        for (String code : candidates) {
            if (allCharities && charities.contains(code)) {
                targets.add(code);
            } else {
                population.add(code);
            }
        }
        int k = targetCount(ratio, population.size());
        String[] shuffled = population.toArray(String[]::new);
        for (int i = 0; i < k; i++) {
            int j = i + chance.below(shuffled.length - i);
            String swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
            targets.add(shuffled[i]);
        }
        List<Assignment> assignments = new ArrayList<>(targets.size());
        List<String> unassignable = new ArrayList<>();
        for (String target : targets) {
            List<String> eligible = new ArrayList<>(pool.size());
            for (String inspector : pool) {
                if (!exclusions.contains(new Exclusion(inspector, target))) {
                    eligible.add(inspector);
                }
            }
            if (eligible.size() < 2) {
                unassignable.add(target);
                continue;
            }
            String first = eligible.remove(chance.below(eligible.size()));
            String second = eligible.get(chance.below(eligible.size()));
            assignments.add(new Assignment(target, charities.contains(target), List.of(first, second)));
        }
        if (!unassignable.isEmpty()) {
            throw new PoolTooSmall(unassignable);
        }
        return assignments;
    }

    /** ceil(ratio × population), at most the population. */
    public static int targetCount(BigDecimal ratio, int population) {
        return Math.min(population, ratio.multiply(BigDecimal.valueOf(population))
                .setScale(0, RoundingMode.CEILING).intValueExact());
    }
}
