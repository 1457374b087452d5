package cn.minzheng.portal.funeral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.gateway.Paging;
import cn.minzheng.portal.gateway.RecordPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 公墓: the division's cemeteries, one registered with its plot batches, one cemetery with its plots by kind and
 * state and, where it is laid out, a section's grid (row by row, each plot's state in words and colour), the plot
 * chosen on the grid with its renewal where offered, and the burial and reservation (寿墓) forms. The funeral service
 * allocates plots, judges who may reserve and refuses a renewal against a term that changed.
 */
@Controller
@RequestMapping("/funeral/cemeteries")
class CemeteryPages {

    private static final String API = "/api/funeral/cemeteries";
    private static final String VIEW = "funeral/cemetery";
    /** Rows of the registration form: a cemetery's plot batches are few (kinds times sections). */
    static final int BATCH_ROWS = 4;
    private final Gateway gateway;

    CemeteryPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        Paging.list(gateway, caller, API, Map.of(), page, model);
        return "funeral/cemeteries";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("batchRows", java.util.stream.IntStream.range(0, BATCH_ROWS).boxed().toList());
        return RecordPage.blank(model, "funeral/cemetery-new");
    }

    /** The batches typed on the rows that have a kind; numbers as numbers, the eco mark as a yes/no. */
    @PostMapping
    String register(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("name", FormValues.text(form.get("name")));
        command.put("kind", FormValues.text(form.get("kind")));
        command.put("eco", FormValues.yesNo(form.get("eco")));
        command.put("divisionCode", FormValues.text(form.get("divisionCode")));
        command.put("usageTermYears", FormValues.number(form.get("usageTermYears")));
        List<Map<String, Object>> plots = new ArrayList<>();
        for (int row = 0; row < BATCH_ROWS; row++) {
            String prefix = "plots[" + row + "].";
            if (FormValues.text(form.get(prefix + "kind")) != null) {
                Map<String, Object> batch = new LinkedHashMap<>();
                batch.put("kind", FormValues.text(form.get(prefix + "kind")));
                batch.put("count", FormValues.number(form.get(prefix + "count")));
                batch.put("areaSqm", FormValues.number(form.get(prefix + "areaSqm")));
                batch.put("section", FormValues.text(form.get(prefix + "section")));
                batch.put("perRow", FormValues.number(form.get(prefix + "perRow")));
                plots.add(batch);
            }
        }
        command.put("plots", plots);
        model.addAttribute("batchRows", java.util.stream.IntStream.range(0, BATCH_ROWS).boxed().toList());
        return RecordPage.create(gateway, caller, API, command, form, model, "/funeral/cemeteries", "registered",
                "funeral/cemetery-new");
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, @RequestParam(required = false) String section,
            @RequestParam(required = false) String plot, Model model) {
        return show(caller, id, section, plot, null, model);
    }

    /** The renewal names the term end the page showed, so a second press adds nothing (409 term-changed). */
    @PostMapping("/{id}/plots/{plotId}/renewal")
    String renew(Caller caller, @PathVariable String id, @PathVariable String plotId,
            @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("years", FormValues.number(form.get("years")));
        command.put("currentUntil", FormValues.text(form.get("currentUntil")));
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/plots/{plotId}/renewal", Map.of(), id,
                plotId), command, form.get("idempotencyKey"), null);
        String section = FormValues.text(form.get("section"));
        if (answer.ok()) {
            return "redirect:/funeral/cemeteries/" + id + "?done=renewal&plot=" + plotId
                    + (section == null ? "" : "&section=" + java.net.URLEncoder.encode(section,
                            java.nio.charset.StandardCharsets.UTF_8));
        }
        model.addAttribute("typed", form);
        return show(caller, id, section, plotId, answer, model);
    }

    @PostMapping("/{id}/burials")
    String bury(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("deathId", FormValues.text(form.get("deathId")));
        command.put("cemeteryId", id);
        command.put("type", FormValues.text(form.get("type")));
        command.put("date", FormValues.text(form.get("date")));
        return send(caller, id, "/api/funeral/burials", command, "burial", form, model);
    }

    @PostMapping("/{id}/reservations")
    String reserve(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("cemeteryId", id);
        for (String field : new String[] {"plotKind", "idNumber", "name", "divisionCode", "ground", "nextToDeathId",
            "spouseEvidence"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        return send(caller, id, "/api/funeral/reservations", command, "reservation", form, model);
    }

    @GetMapping("/terms-ending")
    String termsEnding(Caller caller, @RequestParam(required = false) String withinDays,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Paging.list(gateway, caller, API + "/terms-ending", Collections.singletonMap("withinDays", withinDays), page,
                model);
        return "funeral/terms-ending";
    }

    private String send(Caller caller, String id, String api, Map<String, Object> command, String done,
            Map<String, String> form, Model model) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(api, Map.of()), command, form.get("idempotencyKey"),
                null);
        if (answer.ok()) {
            return "redirect:/funeral/cemeteries/" + id + "?done=" + done;
        }
        model.addAttribute("typed", form);
        return show(caller, id, null, null, answer, model);
    }

    private String show(Caller caller, String id, String section, String plot, ApiAnswer refusal, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("section", section == null ? "" : section);
        ApiAnswer grid = gateway.get(caller, gateway.uri(API + "/{id}/plots", query, id));
        model.addAttribute("grid", grid);
        if (grid.ok() && grid.json().get("plots") instanceof List<?> all) {
            // The grid's lines: the plots as the service ordered them (row, then number), one line per row.
            Map<Object, List<Object>> rows = new LinkedHashMap<>();
            all.forEach(p -> rows.computeIfAbsent(((Map<?, ?>) p).get("row"), row -> new ArrayList<>()).add(p));
            model.addAttribute("gridRows", rows);
            all.stream().filter(p -> plot != null && plot.equals(((Map<?, ?>) p).get("id"))).findFirst()
                    .ifPresent(p -> model.addAttribute("plot", p));
        }
        return RecordPage.show(gateway, caller, API, id, refusal, model, "cemetery", VIEW);
    }
}
