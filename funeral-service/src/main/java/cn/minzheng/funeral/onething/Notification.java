package cn.minzheng.funeral.onething;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One status change of a case to be called back to the applying client (or a death notice to a subscriber), kept in the case document (an outbox for
 * webhooks: written with the change, so no callback is sent for a change that was not stored). {@code webhookId}
 * is stable across retries, so receivers de-duplicate by it; the attempts are the delivery log.
 */
public record Notification(String webhookId, long timestamp, String status, List<Step> steps, State state,
        int attempts, Instant nextAttemptAt, List<Attempt> log) {

    public enum State {
        PENDING, DELIVERED, FAILED
    }

    /** One delivery attempt: the receiver's HTTP status, or why it could not be reached. */
    public record Attempt(Instant at, Integer httpStatus, String error) {
    }

    static final int MAX_ATTEMPTS = 10;

    public Notification {
        log = log == null ? List.of() : List.copyOf(log);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A message to send now, with nothing tried yet (also a death subscription's notice). */
    public static Notification pending(String webhookId, long timestamp, String status, Instant now) {
        return new Notification(webhookId, timestamp, status, List.of(), State.PENDING, 0, now, List.of());
    }

    public boolean due(Instant now) {
        return state == State.PENDING && !nextAttemptAt.isAfter(now);
    }

    public Notification delivered(Instant at, int httpStatus) {
        List<Attempt> attemptsLog = new ArrayList<>(log);
        attemptsLog.add(new Attempt(at, httpStatus, null));
        return new Notification(webhookId, timestamp, status, steps, State.DELIVERED, attempts + 1, at, attemptsLog);
    }

    /** Backoff doubling from one second, at most a minute; FAILED after ten attempts. */
    public Notification failed(Instant at, Integer httpStatus, String error) {
        List<Attempt> attemptsLog = new ArrayList<>(log);
        attemptsLog.add(new Attempt(at, httpStatus, error));
        int tried = attempts + 1;
        Duration wait = Duration.ofSeconds(Math.min(60, 1L << Math.min(tried - 1, 6)));
        return new Notification(webhookId, timestamp, status, steps, tried >= MAX_ATTEMPTS ? State.FAILED
                : State.PENDING, tried, at.plus(wait), attemptsLog);
    }
}
