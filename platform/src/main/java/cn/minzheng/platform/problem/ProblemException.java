package cn.minzheng.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * A refusal the platform or a service states on purpose: its status, its stable problem kind ({@code type}
 * {@code /problems/<kind>}), a title and a detail written for the caller. Domain exceptions extend it.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;

    public ProblemException(HttpStatus status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
