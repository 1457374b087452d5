package cn.minzheng.funeral.onething;

import java.time.Instant;

import cn.minzheng.platform.text.Text;

/**
 * One office's step: its status, what it did or why not ({@code detail}, worded when read: this office's own words
 * are a key of its bundles; another office's report arrives worded by that office in both languages), and when it
 * reported.
 */
public record Step(Office office, Status status, Text detail, Instant reportedAt) {

    /** The funeral office's own step: the fee waiver, computed when read. */
    static final String FEE_WAIVER_COMPUTED = "onething.step.fee-waiver-computed";
    /** Another office's report as that office worded it: {0} in Chinese, {1} in English. */
    static final String REPORTED = "onething.step.reported";

    /** Another office's words in both languages (the English ones, when the office sent none, are the Chinese). */
    public static Text reported(String chinese, String english) {
        return chinese == null ? null : Text.of(REPORTED, chinese, english == null ? chinese : english);
    }

    public enum Status {
        PENDING, DONE, REFUSED, NOT_APPLICABLE
    }

    /** The step as a person or a receiver reads it, the detail worded by {@code words}. */
    public Worded worded(java.util.function.Function<Text, String> words) {
        return new Worded(office, status, detail == null ? null : words.apply(detail), reportedAt);
    }

    /** A step with its detail in words (the shape responses and callback bodies carry). */
    public record Worded(Office office, Status status, String detail, Instant reportedAt) {
    }

    public boolean finished() {
        return status != Status.PENDING;
    }
}
