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
 * 在保对象: enrolments with their amount and its breakdown per member, the history of amounts, and the acts the
 * service offers this person now: a periodic review, a proposed termination, the second person's decision on it.
 */
@Controller
@RequestMapping("/assistance/enrolments")
class EnrolmentPages {

    private static final String API = "/api/assistance/enrolments";
    private final Gateway gateway;

    EnrolmentPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String reviewDueBefore, @RequestParam(defaultValue = "0") int page,
            Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, Map.of("status", status == null ? "" : status,
                "reviewDueBefore", reviewDueBefore == null ? "" : reviewDueBefore, "page", page, "size",
                Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("status", status);
        model.addAttribute("reviewDueBefore", reviewDueBefore);
        return "assistance/enrolments";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return show(caller, id, null, model);
    }

    /** 提出终止, by a township officer. */
    @PostMapping("/{id}/termination")
    String propose(Caller caller, @PathVariable String id, @RequestParam(required = false) String reason,
            @RequestParam String idempotencyKey, @RequestParam String etag, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("reason", FormValues.text(reason));
        return act(caller, id, "termination", command, idempotencyKey, etag, model);
    }

    /** 终止审批, by a county approver who did not propose it (the service refuses the proposer). */
    @PostMapping("/{id}/termination/decision")
    String decide(Caller caller, @PathVariable String id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String opinion, @RequestParam String idempotencyKey,
            @RequestParam String etag, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("decision", FormValues.text(decision));
        command.put("opinion", FormValues.text(opinion));
        return act(caller, id, "termination/decision", command, idempotencyKey, etag, model);
    }

    /** 定期复核 recorded; the service sets the next due date. */
    @PostMapping("/{id}/periodic-reviews")
    String review(Caller caller, @PathVariable String id, @RequestParam String idempotencyKey,
            @RequestParam String etag, Model model) {
        return act(caller, id, "periodic-reviews", Map.of(), idempotencyKey, etag, model);
    }

    private String act(Caller caller, String id, String step, Map<String, Object> command, String idempotencyKey,
            String etag, Model model) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/" + step, Map.of(), id), command,
                idempotencyKey, etag);
        if (answer.ok()) {
            return "redirect:/assistance/enrolments/" + id + "?done=" + step.replace('/', '-');
        }
        model.addAttribute("typed", command);
        return show(caller, id, answer, model);
    }

    private String show(Caller caller, String id, ApiAnswer refusal, Model model) {
        ApiAnswer enrolment = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", enrolment);
        model.addAttribute("enrolment", enrolment.json());
        model.addAttribute("etag", enrolment.etag());
        model.addAttribute("actionKey", UUID.randomUUID().toString());
        ApiAnswer.show(refusal, model);
        return "assistance/enrolment";
    }
}
