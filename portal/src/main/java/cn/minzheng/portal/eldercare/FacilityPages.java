package cn.minzheng.portal.eldercare;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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
 * 养老机构: the division's facilities with their beds and occupancy, one facility with its residents and the
 * admission form (when its read offers {@code ADMIT}: a facility people live in, for staff who may act on it). The
 * eldercare service takes the bed or refuses (no free bed of the type, a person living elsewhere) in its words.
 */
@Controller
@RequestMapping("/eldercare/facilities")
class FacilityPages {

    private static final String API = "/api/eldercare/facilities";
    /** Rows of the inspection form: a visit's findings are few; more are a second inspection record. */
    static final int FINDING_ROWS = 3;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final Gateway gateway;
    private final Clock clock;

    FacilityPages(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @GetMapping("/new")
    String form(Model model) {
        return RecordPage.blank(model, "eldercare/facility-new");
    }

    /** A facility as registered: its beds as the service reads them (a residential type has them; others none). */
    @PostMapping
    String register(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"name", "type", "ownership", "operatorCreditCode", "operatorName",
            "contractEnds", "filingNumber", "divisionCode", "address"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        Map<String, Object> beds = new LinkedHashMap<>();
        beds.put("total", FormValues.number(form.get("beds.total")));
        beds.put("nursing", FormValues.number(form.get("beds.nursing")));
        command.put("beds", beds);
        return RecordPage.create(gateway, caller, API, command, form, model,
                "/eldercare/facilities", "registered", "eldercare/facility-new");
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("type", type);
        return list(caller, "", Map.of("type", type == null ? "" : type), page, model);
    }

    /** The officer's worklists of facilities: operators' contracts ending, operators revoked. */
    @GetMapping("/{worklist:contracts-ending|suspended-operators}")
    String worklist(Caller caller, @PathVariable String worklist, @RequestParam(required = false) String withinDays,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("worklist", worklist);
        return list(caller, "/" + worklist, Map.of("withinDays", withinDays == null ? "" : withinDays), page, model);
    }

    private String list(Caller caller, String which, Map<String, Object> filters, int page, Model model) {
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("page", page);
        query.put("size", Paging.SIZE);
        ApiAnswer answer = gateway.get(caller, gateway.uri(API + which, query));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        return "eldercare/facilities";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        return show(caller, id, page, Map.of(), null, model);
    }

    /** 助餐: a serving point's day (today unless another is asked) and the form recording one meal. */
    @GetMapping("/{id}/meals")
    String meals(Caller caller, @PathVariable String id, @RequestParam(required = false) String date, Model model) {
        return meals(caller, id, date, Map.of(), null, model);
    }

    /** A meal served at the point: the service decides who is eligible and the subsidy, and refuses a second one. */
    @PostMapping("/{id}/meals")
    String meal(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"idNumber", "name", "date", "meal"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri("/api/eldercare/meal-points/{id}/meals", Map.of(), id),
                command, form.get("idempotencyKey"), null);
        if (answer.ok()) {
            return "redirect:/eldercare/facilities/" + id + "/meals?done=meals&date=" + answer.json().get("date");
        }
        return meals(caller, id, form.get("date"), form, answer, model);
    }

    private String meals(Caller caller, String id, String date, Map<String, String> typed, ApiAnswer refusal,
            Model model) {
        String day = FormValues.text(date) == null ? LocalDate.now(clock.withZone(CHINA)).toString() : date.trim();
        model.addAttribute("mealDate", day);
        model.addAttribute("totals", gateway.get(caller, gateway.uri("/api/eldercare/meal-points/{id}/daily-totals",
                Map.of("date", day), id)));
        model.addAttribute("typed", typed);
        return RecordPage.show(gateway, caller, API, id, refusal, model, "facility", "eldercare/meals");
    }

    @PostMapping("/{id}/admissions")
    String admit(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("name", FormValues.text(form.get("name")));
        command.put("idNumber", FormValues.text(form.get("idNumber")));
        command.put("abilityLevel", FormValues.text(form.get("abilityLevel")));
        command.put("bedType", FormValues.text(form.get("bedType")));
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/admissions", Map.of(), id), command,
                form.get("idempotencyKey"), null);
        if (answer.ok()) {
            return "redirect:/eldercare/residents/" + answer.json().get("id") + "?admitted";
        }
        return show(caller, id, 0, form, answer, model);
    }

    @PostMapping("/{id}/ratings")
    String rate(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("stars", FormValues.number(form.get("stars")));
        command.put("ratedOn", FormValues.text(form.get("ratedOn")));
        return act(caller, id, "ratings", command, form, model);
    }

    @PostMapping("/{id}/fire-safety")
    String fireSafety(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("status", FormValues.text(form.get("status")));
        command.put("since", FormValues.text(form.get("since")));
        return act(caller, id, "fire-safety", command, form, model);
    }

    @PostMapping("/{id}/caregivers")
    String caregivers(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("total", FormValues.number(form.get("total")));
        command.put("certified", FormValues.number(form.get("certified")));
        command.put("reportedOn", FormValues.text(form.get("reportedOn")));
        return act(caller, id, "caregivers", command, form, model);
    }

    /** A safety inspection with the findings typed on the rows that have an item (the service sets deadlines). */
    @PostMapping("/{id}/inspections")
    String inspect(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        java.util.List<Map<String, Object>> findings = new java.util.ArrayList<>();
        for (int row = 0; row < FINDING_ROWS; row++) {
            if (FormValues.text(form.get("findings[" + row + "].item")) != null) {
                Map<String, Object> finding = new LinkedHashMap<>();
                finding.put("item", FormValues.text(form.get("findings[" + row + "].item")));
                finding.put("severity", FormValues.text(form.get("findings[" + row + "].severity")));
                finding.put("deadline", FormValues.text(form.get("findings[" + row + "].deadline")));
                findings.add(finding);
            }
        }
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("date", FormValues.text(form.get("date")));
        command.put("findings", findings);
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/inspections", Map.of(), id), command,
                form.get("idempotencyKey"), null);
        if (answer.ok()) {
            return "redirect:/eldercare/inspections/" + answer.json().get("id") + "?done=recorded";
        }
        return show(caller, id, 0, form, answer, model);
    }

    private String act(Caller caller, String id, String step, Map<String, Object> command, Map<String, String> form,
            Model model) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/" + step, Map.of(), id), command,
                form.get("idempotencyKey"), form.get("etag"));
        if (answer.ok()) {
            return "redirect:" + API.substring(4) + "/" + id + "?done=" + step;
        }
        return show(caller, id, 0, form, answer, model);
    }

    private String show(Caller caller, String id, int page, Map<String, String> typed, ApiAnswer refusal,
            Model model) {
        ApiAnswer facility = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        ApiAnswer residents = gateway.get(caller, gateway.uri(API + "/{id}/residents",
                Map.of("page", page, "size", Paging.SIZE), id));
        model.addAttribute("answer", facility);
        model.addAttribute("facility", facility.json());
        model.addAttribute("etag", facility.etag());
        model.addAttribute("findingRows", java.util.stream.IntStream.range(0, FINDING_ROWS).boxed().toList());
        model.addAttribute("residents", residents);
        model.addAttribute("paging", Paging.of(residents, page));
        model.addAttribute("typed", typed);
        model.addAttribute("idempotencyKey", typed.getOrDefault("idempotencyKey", UUID.randomUUID().toString()));
        ApiAnswer.show(refusal, model);
        return "eldercare/facility";
    }
}
