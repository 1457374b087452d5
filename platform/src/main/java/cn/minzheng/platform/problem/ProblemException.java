package cn.minzheng.platform.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the platform or a service states on purpose: its status, its stable problem kind ({@code type}
 * {@code /problems/<kind>}), a title and a detail written for the caller. Domain exceptions extend it.
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

    /** A 400 naming the field and why, for rules a bean-validation annotation cannot express. */
    public static ProblemException invalidField(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", null, field + ": " + reason,
                List.of(new FieldError(field, reason)));
    }

    /** A refusal about one field of the command (which party is under age, which adopter is too young). */
    public static ProblemException onField(HttpStatus status, String kind, String field, String detail) {
        return new ProblemException(status, kind, null, detail, List.of(new FieldError(field, detail)));
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
