package cn.minzheng.platform.worklist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * How long each of a person's worklists is, where an office's lists differ by role: each list says whose work it
 * is and how it is counted. Domain code, free of HTTP; {@code platform.web.WorklistCounts} is what the endpoint
 * answers.
 */
public final class WorklistLengths {

    private WorklistLengths() {
    }

    /** The lengths of the lists that are the caller's work, in the lists' declaration order. */
    public static <W extends Enum<W>> Map<W, Long> countWorkOf(Class<W> lists, Predicate<W> isWorkOf,
            ToLongFunction<W> count) {
        Map<W, Long> counts = new LinkedHashMap<>();
        for (W list : lists.getEnumConstants()) {
            if (isWorkOf.test(list)) {
                counts.put(list, count.applyAsLong(list));
            }
        }
        return counts;
    }
}
