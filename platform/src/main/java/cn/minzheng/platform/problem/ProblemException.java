package cn.minzheng.platform.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal by the web layer itself, where the status is the point (412 for a stale {@code If-Match}, the
 * Idempotency-Key checks). Domain rules throw {@code Refusal} instead, which knows no HTTP.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(HttpStatus status, String kind, String title, String detail) {
        this(status, kind, title, detail, List.of());
    }

    private ProblemException(HttpStatus status, String kind, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors;
    }

    public List<FieldError> errors() {
        return errors;
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
