package cn.minzheng.platform.web;

import java.util.Arrays;

import cn.minzheng.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

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
