package cn.minzheng.platform.problem;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import cn.minzheng.platform.identity.InvalidIdentifierException;
import cn.minzheng.platform.input.BodySizeLimit;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import cn.minzheng.platform.audit.Auditor;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become problem+json. Titles and generic details come from the
 * {@code minzheng-problems} bundles by kind (see {@link ProblemResponses#enrich}); only specific details are
 * written here. Spring's own handling covers the MVC exceptions (415, 405, 404 for unknown paths...); this class
 * gives them stable types and turns binding and validation failures into
 * {@code errors[]}. Anything unexpected is logged here with the request id and answered as a bare 500: no
 * message, class name or database text ever reaches a client.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ProblemResponses problems;
    private final Auditor auditor;

    public ProblemDetailsAdvice(ProblemResponses problems, Auditor auditor) {
        this.problems = problems;
        this.auditor = auditor;
    }

    /** An endpoint's own role rule ({@code @PreAuthorize}) refused the caller: 403, and the attempt is audited. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e, NativeWebRequest request) {
        HttpServletRequest servlet = servletRequest(request);
        auditor.denied(servlet.getMethod() + " " + servlet.getRequestURI(), null, null);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
        return withKind(problem, "forbidden", new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A binding failure's own message names Java types ("Failed to convert value of type 'java.lang.String'");
        // the caller reads the bundle's words for a value of the wrong type instead.
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.isBindingFailure()
                        ? word("field.wrong-type", request) : error.getDefaultMessage()))
                .toList();
        return invalidFields(errors, headers, request);
    }

    /** {@code invalid-request} with the fields at fault: the one answer for a body, a query or a path gone wrong. */
    private ResponseEntity<Object> invalidFields(List<FieldError> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return withKind(problem, "invalid-request", headers, request);
    }

    /**
     * A required query parameter left out: {@code invalid-request} naming it, in the caller's language (Spring's own
     * detail is an English sentence).
     */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return invalidFields(List.of(new FieldError(e.getParameterName(), word("field.required", request))), headers,
                request);
    }

    /**
     * A query or path parameter outside its bounds ({@code @Min}, {@code @Max} on a {@code @RequestParam}): the same
     * {@code invalid-request} as a body field, naming the parameter, not Spring's bare 400.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        String.valueOf(result.getMethodParameter().getParameterName()),
                        error.getDefaultMessage())))
                .toList();
        return invalidFields(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        if (rootCause(e) instanceof BodySizeLimit.TooLarge) {
            return withKind(ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE), "payload-too-large", headers,
                    request);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            problem.setProperty("errors", List.of(new FieldError(fieldPath(unknown), word("field.unknown", request))));
            return withKind(problem, "unknown-field", headers, request);
        }
        if (rootCause(e) instanceof InvalidIdentifierException invalid
                && e.getCause() instanceof JacksonException jackson) {
            return invalidIdentifier(invalid, fieldPath(jackson), request);
        }
        // A value refused by the platform's request checks (a date out of range, a control character).
        if (rootCause(e) instanceof Refusal refusal && e.getCause() instanceof JacksonException jackson) {
            return refused(refusal.on(fieldPath(jackson)), (NativeWebRequest) request);
        }
        if (rootCause(e) instanceof StreamReadException read && read.getMessage() != null
                && read.getMessage().startsWith("Duplicate")) {
            problem.setProperty("errors", List.of(new FieldError(duplicateName(read.getMessage()),
                    word("field.duplicate-key", request))));
            return withKind(problem, "duplicate-key", headers, request);
        }
        // A number or yes/no left out (or null) where the body needs one: say it is required, not of a wrong type.
        if (e.getCause() instanceof tools.jackson.databind.exc.MismatchedInputException missing
                && !missing.getPath().isEmpty() && String.valueOf(missing.getOriginalMessage())
                        .startsWith("Cannot map `null` into type")) {
            problem.setDetail("A field of the request body is required.");
            problem.setProperty("errors", List.of(new FieldError(fieldPath(missing), word("field.required", request))));
            return withKind(problem, "invalid-request", headers, request);
        }
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            problem.setDetail("A field of the request body has a value of the wrong type or format.");
            problem.setProperty("errors", List.of(new FieldError(fieldPath(jackson), word("field.wrong-type", request))));
            return withKind(problem, "invalid-request", headers, request);
        }
        return withKind(problem, "malformed-body", headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        if (rootCause(e) instanceof InvalidIdentifierException invalid) {
            return invalidIdentifier(invalid, field, request);
        }
        if (rootCause(e) instanceof Refusal refusal) {
            return refused(refusal.on(field), (NativeWebRequest) request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A parameter has a value of the wrong type or format.");
        problem.setProperty("errors", List.of(new FieldError(field, word("field.wrong-type", request))));
        return withKind(problem, "invalid-request", headers, request);
    }

    /**
     * A parameter name the binder cannot map ({@code page[$ne]=1}, an operator smuggled into a name): found by the
     * fuzz suite as a 500. The name is the caller's own text, so it is cut short before it is named back.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    ResponseEntity<Object> invalidParameterName(InvalidPropertyException e, NativeWebRequest request) {
        String name = e.getPropertyName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A parameter has a value of the wrong type or format.");
        problem.setProperty("errors", List.of(new FieldError(name.length() > 60 ? name.substring(0, 60) : name,
                word("field.wrong-type", request))));
        return withKind(problem, "invalid-request", new HttpHeaders(), request);
    }

    /** An identifier refused by its value type where no request field is known (e.g. built from a path). */
    @ExceptionHandler(InvalidIdentifierException.class)
    ResponseEntity<Object> invalidIdentifier(InvalidIdentifierException e, NativeWebRequest request) {
        return invalidIdentifier(e, null, request);
    }

    private ResponseEntity<Object> invalidIdentifier(InvalidIdentifierException e, String field, WebRequest request) {
        return worded(HttpStatus.BAD_REQUEST, e.kind(), e.messageKey(), List.of(), field, request);
    }

    /**
     * A problem whose detail (and field message) the bundles word in the caller's language: a domain refusal or
     * an identifier refused by its value type. Set after {@code enrich}, which would put the kind's generic detail.
     */
    private ResponseEntity<Object> worded(HttpStatus status, String kind, String messageKey, List<Object> arguments,
            String field, WebRequest request) {
        HttpServletRequest servlet = servletRequest(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problems.enrich(problem, kind, servlet);
        String detail = problems.detail(messageKey, kind, arguments, ProblemResponses.locale(servlet));
        problem.setDetail(detail);
        if (field != null) {
            problem.setProperty("errors", List.of(new FieldError(field, detail)));
        }
        return super.createResponseEntity(problem, new HttpHeaders(), status, request);
    }

    private String word(String key, WebRequest request) {
        return problems.word(key, servletRequest(request));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * A domain refusal: the one place where its reason becomes a status. Its words come from the bundles in the
     * caller's language; {@code errors[].field} keeps the JSON path for machines.
     */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal e, NativeWebRequest request) {
        if (e.reason() == Refusal.Reason.FORBIDDEN) {
            // Every 403 to a caller is on the trail once: a refusal that audited itself (outside the division) is
            // not recorded again; any other (four eyes, another facility, an unassigned inspector) is, here.
            HttpServletRequest servlet = servletRequest(request);
            if (!Auditor.denialAudited(servlet)) {
                auditor.denied(e.code().toUpperCase(java.util.Locale.ROOT).replace('-', '_'), null,
                        servlet.getMethod() + " " + servlet.getRequestURI());
            }
        }
        ProblemDetail problem = problems.refused(e, servletRequest(request));
        return super.createResponseEntity(problem, new HttpHeaders(), HttpStatus.valueOf(problem.getStatus()), request);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> stated(ProblemException e, NativeWebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return withKind(problem, e.kind(), new HttpHeaders(), request);
    }

    /** Two writers raced for the same document; the loser is told to read again rather than overwrite. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException e, NativeWebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        return withKind(problem, "concurrent-update", new HttpHeaders(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, NativeWebRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid parameters.");
        problem.setProperty("errors", errors);
        return withKind(problem, "invalid-request", new HttpHeaders(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, NativeWebRequest request) {
        log.error("Unhandled error", e);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        return withKind(problem, "internal-error", new HttpHeaders(), request);
    }

    /** Every problem this advice or Spring produces passes through here on its way out. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problems.enrich(problem, ProblemResponses.kindOf(status), servletRequest(request));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ResponseEntity<Object> withKind(ProblemDetail problem, String kind, HttpHeaders headers,
            WebRequest request) {
        problems.enrich(problem, kind, servletRequest(request));
        return super.createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Jackson names the key only in its message: {@code Duplicate Object property "name"}. */
    private static String duplicateName(String message) {
        int open = message.indexOf('"');
        int close = message.indexOf('"', open + 1);
        return open >= 0 && close > open ? message.substring(open + 1, close) : null;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
