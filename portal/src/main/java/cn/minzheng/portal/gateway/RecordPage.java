package cn.minzheng.portal.gateway;

import java.util.Map;
import java.util.UUID;

import org.springframework.ui.Model;

/**
 * One record's page as the forms on it need it: the record as read, the ETag an act on it sends back as
 * {@code If-Match}, a fresh {@code Idempotency-Key}, what the person typed (after a refusal) and the refusal itself.
 */
public final class RecordPage {

    private RecordPage() {
    }

    /** A form for a new record (empty, unless the page put what it knows already), with a fresh key. */
    public static String blank(Model model, String view) {
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return view;
    }

    /**
     * A list page's own form (a new entry typed below the list): what was typed, its key (the same again after a
     * refusal, so a second try is still one record) and the refusal; returns {@code view}.
     */
    public static String withForm(Map<String, String> typed, ApiAnswer refusal, Model model, String view) {
        model.addAttribute("typed", typed);
        model.addAttribute("idempotencyKey", typed.getOrDefault("idempotencyKey", UUID.randomUUID().toString()));
        ApiAnswer.show(refusal, model);
        return view;
    }

    /**
     * A new record ({@code POST api}): on success to its page ({@code page/{id}?done=...}), else the form again
     * with what was typed, the same key (so a second try is still one record) and the refusal.
     */
    public static String create(Gateway gateway, Caller caller, String api, Map<String, Object> command,
            Map<String, String> form, Model model, String page, String done, String formView) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(api, Map.of()), command, form.get("idempotencyKey"),
                null);
        if (answer.ok()) {
            return "redirect:" + page + "/" + answer.json().get("id") + "?done=" + done;
        }
        model.addAttribute("idempotencyKey", form.get("idempotencyKey"));
        model.addAttribute("typed", form);
        ApiAnswer.show(answer, model);
        return formView;
    }

    /** Reads {@code api/{id}} and puts it on the page as {@code name}; returns {@code view}. */
    public static String show(Gateway gateway, Caller caller, String api, String id, ApiAnswer refusal, Model model,
            String name, String view) {
        ApiAnswer record = gateway.get(caller, gateway.uri(api + "/{id}", Map.of(), id));
        model.addAttribute("answer", record);
        model.addAttribute(name, record.json());
        model.addAttribute("etag", record.etag());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        ApiAnswer.show(refusal, model);
        return view;
    }

    /**
     * An act on the record ({@code api/{id}/{step}}) with the fields the form sent, the key and version rendered
     * into it: on success back to the record saying what was done, else the record again with the refusal.
     */
    public static String act(Gateway gateway, Caller caller, String api, String id, String step,
            Map<String, String> form, Model model, String page, String name, String view, String... fields) {
        Map<String, Object> command = new java.util.LinkedHashMap<>();
        for (String field : fields) {
            command.put(field, FormValues.text(form.get(field)));
        }
        return send(gateway, caller, api, id, step, command, form, model, page, name, view);
    }

    /** The same with a command the page built itself (numbers, yes/no): sent with the form's key and version. */
    public static String send(Gateway gateway, Caller caller, String api, String id, String step,
            Map<String, Object> command, Map<String, String> form, Model model, String page, String name,
            String view) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(api + "/{id}/" + step, Map.of(), id), command,
                form.get("idempotencyKey"), form.get("etag"));
        if (answer.ok()) {
            return "redirect:" + page + "/" + id + "?done=" + step;
        }
        model.addAttribute("typed", form);
        return show(gateway, caller, api, id, answer, model, name, view);
    }
}
