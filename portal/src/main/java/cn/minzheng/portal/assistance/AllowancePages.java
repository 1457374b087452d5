package cn.minzheng.portal.assistance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
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
 * 分类补贴: the proposals the assistance service makes from what it knows (免申即享), confirmed one by one or many
 * at once (one call of the service, which reports each person's result), and the allowances with their amount this
 * month, its periods and the payments. Who qualifies, from when and for how much is the service's.
 */
@Controller
@RequestMapping("/assistance")
class AllowancePages {

    private static final String PROPOSALS = "/api/assistance/allowance-proposals";
    private static final String ALLOWANCES = "/api/assistance/allowances";
    private final Gateway gateway;

    AllowancePages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/allowance-proposals")
    String proposals(Caller caller, @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(required = false) String programme, @RequestParam(defaultValue = "0") int page,
            Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(PROPOSALS, Map.of("status", status,
                "programme", programme == null ? "" : programme, "page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("status", status);
        model.addAttribute("programme", programme);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "assistance/allowance-proposals";
    }

    /** The proposals ticked on the list, confirmed by the service in one call; its report is the page. */
    @PostMapping("/allowance-proposals/confirmations")
    String confirmAll(Caller caller, @RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam String idempotencyKey, Model model) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(PROPOSALS + "/confirmations", Map.of()),
                Map.of("ids", ids == null ? List.of() : ids), idempotencyKey, null);
        model.addAttribute("answer", answer);
        return "assistance/allowance-confirmations";
    }

    @PostMapping("/allowance-proposals/{id}/confirmation")
    String confirm(Caller caller, @PathVariable String id, @RequestParam String idempotencyKey, Model model) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(PROPOSALS + "/{id}/confirmation", Map.of(), id),
                Map.of(), idempotencyKey, null);
        if (answer.ok()) {
            return "redirect:/assistance/allowances/" + answer.json().get("id") + "?confirmed";
        }
        model.addAttribute("answer", answer);
        return "assistance/allowance-confirmations";
    }

    /** The county's rule versions; a second approver decides those the service says they may. */
    @GetMapping("/allowance-rules")
    String rules(@org.springframework.web.bind.annotation.ModelAttribute("person") cn.minzheng.portal.layout.Person person,
            Caller caller, Model model) {
        String county = person.division() == null ? "" : person.division();
        ApiAnswer answer = gateway.get(caller, gateway.uri("/api/assistance/allowance-rules/{county}", Map.of(),
                county));
        model.addAttribute("answer", answer);
        model.addAttribute("rules", answer.json());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "assistance/allowance-rules";
    }

    @PostMapping("/allowance-rules/{county}/versions/{number}/decision")
    String decideRules(Caller caller, @PathVariable String county, @PathVariable int number,
            @RequestParam(required = false) String decision, @RequestParam String idempotencyKey, Model model) {
        Map<String, Object> command = new java.util.LinkedHashMap<>();
        command.put("decision", decision);
        ApiAnswer answer = gateway.post(caller, gateway.uri("/api/assistance/allowance-rules/{county}/versions/"
                + "{number}/decision", Map.of(), county, number), command, idempotencyKey, null);
        if (answer.ok()) {
            return "redirect:/assistance/allowance-rules?decided=" + number;
        }
        ApiAnswer rules = gateway.get(caller, gateway.uri("/api/assistance/allowance-rules/{county}", Map.of(),
                county));
        model.addAttribute("answer", rules);
        model.addAttribute("rules", rules.json());
        model.addAttribute("idempotencyKey", idempotencyKey);
        ApiAnswer.show(answer, model);
        return "assistance/allowance-rules";
    }

    @GetMapping("/allowances")
    String allowances(Caller caller, @RequestParam(required = false) String programme,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(ALLOWANCES, Map.of("programme",
                programme == null ? "" : programme, "status", status == null ? "" : status, "page", page,
                "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("programme", programme);
        model.addAttribute("status", status);
        return "assistance/allowances";
    }

    @GetMapping("/allowances/{id}")
    String allowance(Caller caller, @PathVariable String id, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(ALLOWANCES + "/{id}", Map.of(), id));
        model.addAttribute("answer", answer);
        model.addAttribute("allowance", answer.json());
        model.addAttribute("payments", gateway.get(caller, gateway.uri(ALLOWANCES + "/{id}/payments", Map.of(), id)));
        return "assistance/allowance";
    }
}
