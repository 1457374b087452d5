package cn.minzheng.platform.time;

import java.time.Instant;

/**
 * The movable clock was moved forward (dev runs and tests). Jobs that act on time listen for it, so that moving the
 * clock past a deadline has the effect the passing of time would have, without waiting for their next run.
 */
public record ClockAdvanced(Instant now) {
}
