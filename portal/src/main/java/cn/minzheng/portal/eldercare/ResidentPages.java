package cn.minzheng.portal.eldercare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
import cn.minzheng.portal.gateway.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 入住老人: one stay with its assessments and care level; reassessment and discharge while the read offers them,
 * each guarded by the version the page was rendered from.
 */
@Controller
@RequestMapping("/eldercare/residents")
class ResidentPages {

    private static final String API = "/api/eldercare/residents";
    private final Gateway gateway;

    ResidentPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return show(caller, id, null, model);
    }

    @PostMapping("/{id}/{step:reassessments|discharge}")
    String act(Caller caller, @PathVariable String id, @PathVariable String step,
            @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        if ("reassessments".equals(step)) {
            command.put("abilityLevel", FormValues.text(form.get("abilityLevel")));
            command.put("assessedOn", FormValues.text(form.get("assessedOn")));
        } else {
            command.put("reason", FormValues.text(form.get("reason")));
            command.put("date", FormValues.text(form.get("date")));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/" + step, Map.of(), id), command,
                form.get("idempotencyKey"), form.get("etag"));
        if (answer.ok()) {
            return "redirect:/eldercare/residents/" + id + "?done=" + step;
        }
        model.addAttribute("typed", form);
        return show(caller, id, answer, model);
    }

    private String show(Caller caller, String id, ApiAnswer refusal, Model model) {
        ApiAnswer resident = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", resident);
        model.addAttribute("resident", resident.json());
        model.addAttribute("etag", resident.etag());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        ApiAnswer.show(refusal, model);
        return "eldercare/resident";
    }
}
