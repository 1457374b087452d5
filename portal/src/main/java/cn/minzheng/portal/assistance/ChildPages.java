package cn.minzheng.portal.assistance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
import cn.minzheng.portal.gateway.RecordPage;
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
 * 儿童关爱, made for a phone: a child director's own children (the service gives her only those) or an officer's
 * division's, the overdue visits, one child's record with the visit and risk-assessment forms. When the next visit
 * falls due is the service's rule (by the risk level); the page shows the date it answers.
 */
@Controller
@RequestMapping("/assistance/children")
class ChildPages {

    private static final String API = "/api/assistance/children";
    private final Gateway gateway;

    ChildPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String overdue,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, Map.of("overdue", "true".equals(overdue) ? "true" : "",
                "page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("overdue", "true".equals(overdue));
        return "assistance/children";
    }

    /** 建档: a township officer opens a child's record, naming the child director (the service checks who may). */
    @GetMapping("/new")
    String form(@ModelAttribute("person") Person person,
            Model model) {
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("typed", Map.of("divisionCode", person.division() == null ? "" : person.division()));
        return "assistance/child-new";
    }

    @PostMapping
    String open(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"name", "idNumber", "divisionCode", "category", "riskLevel", "riskReason",
            "directorUsername"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri(API, Map.of()), command, form.get("idempotencyKey"), null);
        if (answer.ok()) {
            return "redirect:/assistance/children/" + answer.json().get("id") + "?done=opened";
        }
        model.addAttribute("idempotencyKey", form.get("idempotencyKey"));
        model.addAttribute("typed", form);
        ApiAnswer.show(answer, model);
        return "assistance/child-new";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, API, id, null, model, "child", "assistance/child");
    }

    @PostMapping("/{id}/visits")
    String visit(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "visits", form, model, "/assistance/children", "child",
                "assistance/child", "on", "note");
    }

    /** 委托监护: the guardianship agreement with its validity (the service keeps the phone number encrypted). */
    @PostMapping("/{id}/agreements")
    String agreement(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "agreements", form, model, "/assistance/children", "child",
                "assistance/child", "guardianName", "relation", "guardianPhone", "validFrom", "validUntil", "signedOn");
    }

    @PostMapping("/{id}/assessments")
    String assess(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "assessments", form, model, "/assistance/children", "child",
                "assistance/child", "riskLevel", "reason");
    }
}
