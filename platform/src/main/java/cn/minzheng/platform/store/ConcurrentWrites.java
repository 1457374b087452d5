package cn.minzheng.platform.store;

import java.util.function.Supplier;

import cn.minzheng.platform.refusal.Refusal;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Read, change, save conditionally on the version read; when another write came between, do it all again. The
 * attempt must read the aggregate itself, so that each try starts from what is stored. After ten tries the caller
 * gets 409 {@code concurrent-update} (for a request) or, in a listener, the event is redelivered later.
 */
public final class ConcurrentWrites {

    static final int ATTEMPTS = 10;

    private ConcurrentWrites() {
    }

    public static <R> R retry(Supplier<R> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (OptimisticLockingFailureException raced) {
                if (tried == ATTEMPTS) {
                    throw Refusal.conflict("concurrent-update");
                }
            }
        }
    }

    public static void retry(Runnable attempt) {
        retry(() -> {
            attempt.run();
            return null;
        });
    }
}
