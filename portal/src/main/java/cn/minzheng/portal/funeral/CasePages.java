package cn.minzheng.portal.funeral;

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
 * 身后一件事: a funeral officer opens a case for a family (which records the death), then follows each office's step
 * (assistance, eldercare, registry) as the offices report it, and the signed callbacks sent; the overdue cases are
 * the worklist. Every status is the funeral service's.
 */
@Controller
@RequestMapping("/funeral/cases")
class CasePages {

    private static final String API = "/api/funeral/one-thing/cases";
    private final Gateway gateway;

    CasePages(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The worklist: open cases with an office silent past the allowed time. */
    @GetMapping
    String overdue(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, Map.of("page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        return "funeral/cases";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("typed", Map.of());
        return "funeral/case-new";
    }

    @PostMapping
    String open(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> deceased = new LinkedHashMap<>();
        for (String field : new String[] {"name", "idNumber", "dateOfDeath", "place", "cause", "divisionCode"}) {
            deceased.put(field, FormValues.text(form.get("deceased." + field)));
        }
        Map<String, Object> applicant = new LinkedHashMap<>();
        for (String field : new String[] {"name", "idNumber", "relation"}) {
            applicant.put(field, FormValues.text(form.get("applicant." + field)));
        }
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("deceased", deceased);
        command.put("applicant", applicant);
        ApiAnswer answer = gateway.post(caller, gateway.uri("/api/funeral/one-thing/after-death", Map.of()), command,
                form.get("idempotencyKey"), null);
        if (answer.ok()) {
            return "redirect:/funeral/cases/" + answer.json().get("id") + "?opened";
        }
        model.addAttribute("idempotencyKey", form.get("idempotencyKey"));
        model.addAttribute("typed", form);
        ApiAnswer.show(answer, model);
        return "funeral/case-new";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", answer);
        model.addAttribute("oneCase", answer.json());
        model.addAttribute("deliveries", gateway.get(caller, gateway.uri(API + "/{id}/deliveries", Map.of(), id)));
        return "funeral/case";
    }
}
