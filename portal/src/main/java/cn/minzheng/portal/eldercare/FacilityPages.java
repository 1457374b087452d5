package cn.minzheng.portal.eldercare;

import java.util.LinkedHashMap;
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
 * 养老机构: the division's facilities with their beds and occupancy, one facility with its residents and the
 * admission form (when its read offers {@code ADMIT}: a facility people live in, for staff who may act on it). The
 * eldercare service takes the bed or refuses (no free bed of the type, a person living elsewhere) in its words.
 */
@Controller
@RequestMapping("/eldercare/facilities")
class FacilityPages {

    private static final String API = "/api/eldercare/facilities";
    private final Gateway gateway;

    FacilityPages(Gateway gateway) {
        this.gateway = gateway;
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

    private String show(Caller caller, String id, int page, Map<String, String> typed, ApiAnswer refusal,
            Model model) {
        ApiAnswer facility = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        ApiAnswer residents = gateway.get(caller, gateway.uri(API + "/{id}/residents",
                Map.of("page", page, "size", Paging.SIZE), id));
        model.addAttribute("answer", facility);
        model.addAttribute("facility", facility.json());
        model.addAttribute("residents", residents);
        model.addAttribute("paging", Paging.of(residents, page));
        model.addAttribute("typed", typed);
        model.addAttribute("idempotencyKey", typed.getOrDefault("idempotencyKey", UUID.randomUUID().toString()));
        ApiAnswer.show(refusal, model);
        return "eldercare/facility";
    }
}
