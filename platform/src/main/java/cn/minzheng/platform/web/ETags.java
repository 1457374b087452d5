package cn.minzheng.platform.web;

import java.net.URI;
import java.util.Arrays;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic concurrency over HTTP (DESIGN.md §6): a response names the document version in {@code ETag}; an update
 * that sends {@code If-Match} with another version is refused with 412 before anything changes, so two officers
 * editing the same household never overwrite each other unseen.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the aggregate's version as {@code ETag}: what every read or update of one aggregate answers. */
    public static <T> ResponseEntity<T> ok(OutboxAggregate aggregate, T body) {
        return ResponseEntity.ok().eTag(of(aggregate.version())).body(body);
    }

    /** 201 with its location and the new aggregate's version as {@code ETag}. */
    public static <T> ResponseEntity<T> created(URI location, OutboxAggregate aggregate, T body) {
        return ResponseEntity.created(location).eTag(of(aggregate.version())).body(body);
    }

    /** The aggregate, if {@code If-Match} allows changing it (see {@link #requireMatch(String, long)}). */
    public static <A extends OutboxAggregate> A requireMatch(String ifMatch, A aggregate) {
        requireMatch(ifMatch, aggregate.version());
        return aggregate;
    }

    /** Passes when there is no {@code If-Match}, when it is {@code *}, or when it lists the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(current::equals);
        if (!matches) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                    "The record changed since you read it (now version " + currentVersion
                            + "); read it again and retry.");
        }
    }
}
