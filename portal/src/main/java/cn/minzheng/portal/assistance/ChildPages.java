package cn.minzheng.portal.assistance;

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

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return show(caller, id, null, model);
    }

    @PostMapping("/{id}/{step:visits|assessments}")
    String record(Caller caller, @PathVariable String id, @PathVariable String step,
            @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        if ("visits".equals(step)) {
            command.put("on", FormValues.text(form.get("on")));
            command.put("note", FormValues.text(form.get("note")));
        } else {
            command.put("riskLevel", FormValues.text(form.get("riskLevel")));
            command.put("reason", FormValues.text(form.get("reason")));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/" + step, Map.of(), id), command,
                form.get("idempotencyKey"), form.get("etag"));
        if (answer.ok()) {
            return "redirect:/assistance/children/" + id + "?done=" + step;
        }
        model.addAttribute("typed", form);
        return show(caller, id, answer, model);
    }

    private String show(Caller caller, String id, ApiAnswer refusal, Model model) {
        ApiAnswer child = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", child);
        model.addAttribute("child", child.json());
        model.addAttribute("etag", child.etag());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        ApiAnswer.show(refusal, model);
        return "assistance/child";
    }
}
