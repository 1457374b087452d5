package cn.minzheng.funeral.onething;

import java.time.Instant;

/** One office's step: its status, what it did or why not, and when it reported. */
public record Step(Office office, Status status, String detail, Instant reportedAt) {

    public enum Status {
        PENDING, DONE, REFUSED, NOT_APPLICABLE
    }

    public boolean finished() {
        return status != Status.PENDING;
    }
}
