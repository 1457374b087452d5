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
 * 救助申请: the work queue, one application with the acts the service says the person may take now, and those acts.
 * A refusal is shown on the same page, next to the field the service names.
 */
@Controller
@RequestMapping("/assistance/applications")
class ApplicationPages {

    private static final String API = "/api/assistance/applications";
    private final Gateway gateway;

    ApplicationPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Paging.list(gateway, caller, API, java.util.Collections.singletonMap("status", status), page, model);
        return "assistance/applications";
    }

    /** A new application for a household, from the household's page. */
    @PostMapping
    String submit(Caller caller, @RequestParam String householdId, @RequestParam(required = false) String programme,
            @RequestParam(required = false) String requestedAmount, @RequestParam(required = false) String reason,
            @RequestParam String idempotencyKey, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("householdId", householdId);
        command.put("programme", FormValues.text(programme));
        command.put("requestedAmount", FormValues.number(requestedAmount));
        command.put("reason", FormValues.text(reason));
        ApiAnswer answer = gateway.post(caller, gateway.uri(API, Map.of()), command, idempotencyKey, null);
        if (answer.ok()) {
            return "redirect:/assistance/applications/" + answer.json().get("id") + "?submitted";
        }
        ApiAnswer household = gateway.get(caller, gateway.uri("/api/assistance/households/{id}", Map.of(),
                householdId));
        model.addAttribute("answer", household);
        model.addAttribute("household", household.json());
        model.addAttribute("applicationKey", idempotencyKey);
        ApiAnswer.show(answer, model);
        return "assistance/household";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return show(caller, id, null, model);
    }

    /** 乡镇审核 (review) or 县级审批 (approval): which one is the form's; whether it is allowed is the service's. */
    @PostMapping("/{id}/{step:review|approval}")
    String decide(Caller caller, @PathVariable String id, @PathVariable String step,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String opinion,
            @RequestParam String idempotencyKey, @RequestParam String etag, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("decision", FormValues.text(decision));
        command.put("opinion", FormValues.text(opinion));
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/" + step, Map.of(), id), command,
                idempotencyKey, etag);
        if (answer.ok()) {
            return "redirect:/assistance/applications/" + id + "?done=" + step;
        }
        // What the person typed stays on the page with the refusal (a stale edit is shown, never lost).
        model.addAttribute("typed", command);
        return show(caller, id, answer, model);
    }

    @PostMapping("/{id}/objections/{objectionId}/resolution")
    String resolve(Caller caller, @PathVariable String id, @PathVariable String objectionId,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
            @RequestParam String idempotencyKey, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("outcome", FormValues.text(outcome));
        command.put("note", FormValues.text(note));
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/objections/{objectionId}/resolution",
                Map.of(), id, objectionId), command, idempotencyKey, null);
        if (answer.ok()) {
            return "redirect:/assistance/applications/" + id + "?done=resolution";
        }
        return show(caller, id, answer, model);
    }

    private String show(Caller caller, String id, ApiAnswer refusal, Model model) {
        ApiAnswer application = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", application);
        model.addAttribute("record", application.json()); // not "application": Thymeleaf reserves that name (the servlet context)
        model.addAttribute("etag", application.etag());
        model.addAttribute("actionKey", UUID.randomUUID().toString());
        ApiAnswer.show(refusal, model);
        return "assistance/application";
    }
}
