package cn.minzheng.platform.web;

import java.util.List;

/**
 * The caller's worklists (待办) in one office and how long each is now: what a workbench's to-do cards show, in one
 * call instead of one paged list per card. Which lists a role has and what each counts is the office's rule; each
 * entry names the list it counts ({@code list}, the same filters on the office's own list endpoint), so the count
 * and the list opened from it agree.
 */
public record WorklistCounts(List<Entry> items) {

    /** The counts in their order, each named by its list's constant and given the address of the list it counts. */
    public static <W extends Enum<W>> WorklistCounts of(java.util.Map<W, Long> counts,
            java.util.function.Function<W, String> list) {
        return new WorklistCounts(counts.entrySet().stream()
                .map(entry -> new Entry(entry.getKey().name(), entry.getValue(), list.apply(entry.getKey())))
                .toList());
    }

    /**
     * @param name  the worklist, stable for clients to label (e.g. {@code APPLICATIONS_TO_REVIEW})
     * @param count how many records are on it now, in the caller's division
     * @param list  the office's list endpoint with the filters this count is of
     */
    public record Entry(String name, long count, String list) {
    }
}
