package cn.minzheng.portal.orgs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.gateway.Paging;
import cn.minzheng.portal.layout.Person;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 双随机抽查计划: the division's plans, a new plan (drawn by the orgs service at once, with its own seed), one plan
 * with its draw log, targets, inspectors and results, and the re-draw the plan's read offers: asked by one officer
 * with a reason, made by another. Which officer may do which is the service's answer ({@code actions}).
 */
@Controller
@RequestMapping("/orgs/inspection-plans")
class InspectionPlanPages {

    static final String API = "/api/orgs/inspection-plans";
    private static final String PAGE = "/orgs/inspection-plans";
    private final Gateway gateway;

    InspectionPlanPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String year,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, Map.of("year", year == null ? "" : year,
                "page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("year", year);
        return "orgs/plans";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("typed", Map.of());
        return "orgs/plan-new";
    }

    /**
     * The officer types the ratio in per cent, as plans are written, and the inspectors one account per line; the
     * service gets the fraction and the list, and checks both.
     */
    @PostMapping
    String commit(@ModelAttribute("person") Person person, Caller caller, @RequestParam Map<String, String> form,
            Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("divisionCode", person.division());
        command.put("ratio", percent(form.get("ratio")));
        command.put("allCharities", "true".equals(form.get("allCharities")));
        String inspectors = form.getOrDefault("inspectors", "");
        command.put("inspectors", Arrays.stream(inspectors.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList());
        ApiAnswer answer = gateway.post(caller, gateway.uri(API, Map.of()), command, form.get("idempotencyKey"),
                null);
        if (answer.ok()) {
            return "redirect:" + PAGE + "/" + answer.json().get("id") + "?drawn";
        }
        model.addAttribute("idempotencyKey", form.get("idempotencyKey"));
        model.addAttribute("typed", form);
        ApiAnswer.show(answer, model);
        return "orgs/plan-new";
    }

    private static Object percent(String typed) {
        Object number = FormValues.number(typed);
        return number instanceof java.math.BigDecimal value ? value.movePointLeft(2) : number;
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return show(caller, id, Map.of(), null, model);
    }

    @PostMapping("/{id}/redraw-request")
    String requestRedraw(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("reason", FormValues.text(form.get("reason")));
        return act(caller, id, "redraw-request", command, form, model);
    }

    @PostMapping("/{id}/redraw")
    String redraw(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return act(caller, id, "redraw", Map.of(), form, model);
    }

    private String act(Caller caller, String id, String step, Map<String, Object> command, Map<String, String> form,
            Model model) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/" + step, Map.of(), id), command,
                form.get("idempotencyKey"), form.get("etag"));
        if (answer.ok()) {
            return "redirect:" + PAGE + "/" + id + "?done=" + step;
        }
        return show(caller, id, form, answer, model);
    }

    private String show(Caller caller, String id, Map<String, String> typed, ApiAnswer refusal, Model model) {
        ApiAnswer plan = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", plan);
        model.addAttribute("plan", plan.json());
        model.addAttribute("etag", plan.etag());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("typed", typed);
        ApiAnswer.show(refusal, model);
        return "orgs/plan";
    }
}
