package cn.minzheng.portal.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service answered, as the page shows it: the body as maps and lists (templates read fields by name), the
 * ETag a later edit sends back as {@code If-Match}, and for a refusal the problem's detail and its {@code errors[]}
 * by field, so each message is shown next to its field.
 */
public record ApiAnswer(int status, Object body, String etag) {

    /** The status a page shows when the office did not answer in time or could not be reached. */
    public static final int UNAVAILABLE = 503;

    static ApiAnswer unavailable() {
        return new ApiAnswer(UNAVAILABLE, Map.of(), null);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean unreachable() {
        return status == UNAVAILABLE && json().isEmpty();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A paged list's items ({@code {items, page}}), or a plain array's elements. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
        if (body instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        Object items = json().get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** Whether the record's read offers the caller that act now ({@code actions}, computed by the service). */
    public boolean offers(String action) {
        return ok() && json().get("actions") instanceof List<?> actions && actions.contains(action);
    }

    /** The total a paged list reports ({@code page.totalElements}). */
    public long total() {
        Object page = json().get("page");
        if (page instanceof Map<?, ?> info && info.get("totalElements") instanceof Number number) {
            return number.longValue();
        }
        return items().size();
    }

    /**
     * Puts a refusal on the page: {@code refusal} for the summary above the form, {@code errors} for each field's
     * message beside it (none when nothing was refused).
     */
    public static void show(ApiAnswer refusal, org.springframework.ui.Model model) {
        model.addAttribute("refusal", refusal);
        model.addAttribute("errors", refusal == null ? Map.of() : refusal.fieldErrors());
    }

    /** The problem's own words: its detail, else its title. */
    public String detail() {
        Object detail = json().get("detail");
        if (detail == null) {
            detail = json().get("title");
        }
        return detail == null ? null : detail.toString();
    }

    /** Each field the problem names, with the service's message for it. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (json().get("errors") instanceof List<?> list) {
            for (Object error : list) {
                if (error instanceof Map<?, ?> entry && entry.get("field") != null) {
                    errors.merge(String.valueOf(entry.get("field")), String.valueOf(entry.get("message")),
                            (a, b) -> a + "；" + b);
                }
            }
        }
        return errors;
    }
}
