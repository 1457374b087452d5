package cn.minzheng.portal.orgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.gateway.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 我的检查任务 and one drawn target: an inspector's own targets, and a target's page with its result, the result
 * form when the plan's read offers {@code ENTER_RESULT} to this person, and the follow-up visit while it offers
 * {@code FOLLOW_UP}. The inspection's id, its days and its outcome rules are the orgs service's.
 */
@Controller
@RequestMapping("/orgs")
class TargetPages {

    private static final String RESULTS = "/api/orgs/inspections";
    private final Gateway gateway;

    TargetPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/inspections/assigned")
    String assigned(Caller caller, @RequestParam(defaultValue = "true") boolean open,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(RESULTS + "/assigned", Map.of("open", open,
                "page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("open", open);
        return "orgs/assigned";
    }

    @GetMapping("/inspection-plans/{planId}/targets/{code}")
    String target(Caller caller, @PathVariable String planId, @PathVariable String code, Model model) {
        return show(caller, planId, code, Map.of(), null, model);
    }

    @PostMapping("/inspection-plans/{planId}/targets/{code}/result")
    String enter(Caller caller, @PathVariable String planId, @PathVariable String code,
            @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : List.of("outcome", "findings", "inspectedOn", "rectificationDeadline")) {
            command.put(field, FormValues.text(form.get(field)));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri(RESULTS + "/{id}/results", Map.of(),
                form.getOrDefault("inspectionId", "")), command, form.get("idempotencyKey"), null);
        return answered(caller, planId, code, "result", answer, form, model);
    }

    @PostMapping("/inspection-plans/{planId}/targets/{code}/follow-up")
    String followUp(Caller caller, @PathVariable String planId, @PathVariable String code,
            @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("visitedOn", FormValues.text(form.get("visitedOn")));
        command.put("rectified", FormValues.yesNo(form.get("rectified")));
        command.put("note", FormValues.text(form.get("note")));
        ApiAnswer answer = gateway.post(caller, gateway.uri(RESULTS + "/{id}/follow-ups", Map.of(),
                form.getOrDefault("inspectionId", "")), command, form.get("idempotencyKey"), form.get("etag"));
        return answered(caller, planId, code, "follow-up", answer, form, model);
    }

    private String answered(Caller caller, String planId, String code, String step, ApiAnswer answer,
            Map<String, String> form, Model model) {
        if (answer.ok()) {
            return "redirect:/orgs/inspection-plans/" + planId + "/targets/" + code + "?done=" + step;
        }
        return show(caller, planId, code, form, answer, model);
    }

    /** The plan as the service reads it to this person, and the one target of it this page is about. */
    private String show(Caller caller, String planId, String code, Map<String, String> typed, ApiAnswer refusal,
            Model model) {
        ApiAnswer plan = gateway.get(caller, gateway.uri(InspectionPlanPages.API + "/{id}", Map.of(), planId));
        Map<String, Object> target = plan.ok() ? targets(plan).stream()
                .filter(t -> code.equals(t.get("creditCode"))).findFirst().orElse(null) : null;
        model.addAttribute("answer", plan);
        model.addAttribute("plan", plan.json());
        model.addAttribute("target", target);
        if (target != null && target.get("outcome") != null) {
            ApiAnswer result = gateway.get(caller, gateway.uri(RESULTS + "/{id}", Map.of(),
                    String.valueOf(target.get("inspectionId"))));
            model.addAttribute("result", result.json());
            model.addAttribute("etag", result.etag());
        }
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("typed", typed);
        ApiAnswer.show(refusal, model);
        return "orgs/target";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> targets(ApiAnswer plan) {
        Object targets = plan.json().get("targets");
        return targets instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
