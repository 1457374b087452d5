package cn.minzheng.platform.problem;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.web.RequestIdFilter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds and writes RFC 9457 problem details the same way everywhere: a stable {@code type} URI per kind of
 * error ({@code /problems/<kind>}), the request path as {@code instance}, and the request id so that a citizen's
 * complaint can be matched to a log line.
 */
@Component
public class ProblemResponses {

    public static final String TYPE_PREFIX = "/problems/";

    private final JsonMapper json = JsonMapper.builder().build();
    private final ResourceBundleMessageSource messages = messages();

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        // The platform's kinds, then the service's own ("problems" bundle beside its application.yml).
        source.setBasenames("minzheng-problems", "problems");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /**
     * Chinese unless the caller prefers English: the platform's people work in Chinese, integrations may not.
     * Only zh-CN and English are offered.
     */
    public static Locale locale(HttpServletRequest request) {
        return preferred(request.getHeader("Accept-Language"));
    }

    private static final List<Locale> OFFERED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    static Locale preferred(String acceptLanguage) {
        try {
            Locale match = acceptLanguage == null ? null
                    : Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), OFFERED);
            return match == null ? Locale.SIMPLIFIED_CHINESE : match;
        } catch (IllegalArgumentException malformed) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    public ProblemDetail problem(HttpStatusCode status, String kind, String title, String detail,
            HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return enrich(problem, kind, request);
    }

    /**
     * A refusal as the problem it is answered with: the status its reason stands for, its words in the caller's
     * language, the field it names. The one place this is worked out, for a refused request and for each refused
     * item of a batch (which answers every item on its own).
     */
    public ProblemDetail refused(cn.minzheng.platform.refusal.Refusal refusal, HttpServletRequest request) {
        org.springframework.http.HttpStatus status = statusOf(refusal.reason());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        enrich(problem, refusal.code(), request);
        String detail = detail(refusal.messageKey(), refusal.code(), refusal.arguments(), locale(request));
        problem.setDetail(detail);
        if (refusal.field() != null) {
            problem.setProperty("errors", List.of(new FieldError(refusal.field(), detail)));
        }
        return problem;
    }

    static org.springframework.http.HttpStatus statusOf(cn.minzheng.platform.refusal.Refusal.Reason reason) {
        return switch (reason) {
            case INVALID -> org.springframework.http.HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> org.springframework.http.HttpStatus.NOT_FOUND;
            case FORBIDDEN -> org.springframework.http.HttpStatus.FORBIDDEN;
            case CONFLICT -> org.springframework.http.HttpStatus.CONFLICT;
            case RULE -> org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    /** Fills what Spring's defaults leave blank; an already specific {@code type} is kept. */
    public ProblemDetail enrich(ProblemDetail problem, String defaultKind, HttpServletRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(TYPE_PREFIX + defaultKind));
        }
        String type = problem.getType().toString();
        String kind = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : defaultKind;
        Locale locale = locale(request);
        String title = messages.getMessage("problem." + kind + ".title", null, null, locale);
        if (title != null) {
            problem.setTitle(title);
        } else if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        // Details that say something specific (which rule, which dates) stay; generic ones follow the language.
        String detail = messages.getMessage("problem." + kind + ".detail", null, null, locale);
        if (detail != null && (problem.getDetail() == null || !locale.equals(Locale.ENGLISH))) {
            problem.setDetail(detail);
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /**
     * The words for a refusal in the caller's language: {@code problem.<messageKey>.detail} filled with its
     * arguments, where an argument that is a {@link Refusal.Term} is itself looked up ({@code term.<key>}). A key
     * missing from the bundles falls back to the kind's generic detail, then to the code (a test keeps the bundles
     * complete, so that is never what a person reads).
     */
    public String detail(String messageKey, String code, List<Object> arguments, Locale locale) {
        if (ID_NAMED.equals(messageKey) && arguments.size() > 1 && !isOurId(arguments.get(1))) {
            // An id that is no id of ours (a caller's probe) is never echoed: "no such record" says enough.
            return detail(RECORD_NAMED, code, List.of(), locale);
        }
        Object[] filled = arguments.stream().map(argument -> argument instanceof Refusal.Term term
                ? messages.getMessage("term." + term.key(), null, term.key(), locale) : echoable(argument))
                .toArray();
        String detail = messages.getMessage("problem." + messageKey + ".detail", filled, null, locale);
        if (detail == null) {
            detail = messages.getMessage("problem." + code + ".detail", null, code, locale);
        }
        return detail;
    }

    private static final String ID_NAMED = "not-found.id";
    private static final String RECORD_NAMED = "not-found.record";
    /** Our ids: letters, digits and {@code - _ . : /}, at most 200 characters (hh-<uuid>, org-<code>, case-<ref>). */
    private static final java.util.regex.Pattern OUR_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,199}");

    private static boolean isOurId(Object id) {
        return id != null && OUR_ID.matcher(id.toString()).matches();
    }

    /**
     * An argument as it may be echoed: without control or format characters (CR, LF, bidi overrides such as U+202E,
     * zero-width characters), which could reorder or split what the reader sees.
     */
    private static Object echoable(Object argument) {
        if (!(argument instanceof String text)) {
            return argument;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> Character.getType(c) != Character.CONTROL
                && Character.getType(c) != Character.FORMAT).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** A fixed phrase of the bundles in the caller's language (field messages of the generic checks). */
    public String word(String key, HttpServletRequest request) {
        return messages.getMessage(key, null, key, locale(request));
    }


    /** For code that runs outside Spring MVC's message converters (security filters, the error page). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /**
     * The kind used in the {@code type} URI when nothing more specific is known. The gateway answers the same
     * statuses with the same kinds (its {@code ProblemErrorHandler}; {@code ProblemKindsTest} there keeps the two
     * equal, since the gateway cannot depend on this servlet library).
     */
    public static String kindOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status.is5xxServerError() ? "internal-error" : "client-error";
        };
    }
}
