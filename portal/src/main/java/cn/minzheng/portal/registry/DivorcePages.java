package cn.minzheng.portal.registry;

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
 * 离婚登记: the applications whose window ends soon, a new application for a marriage, one application with its
 * dates (cooling-off end, registration window, provisional where the legal calendar is) and the acts the service
 * offers today: withdrawal or registration.
 */
@Controller
@RequestMapping("/registry/divorces")
class DivorcePages {

    private static final String API = "/api/registry/divorces";
    private final Gateway gateway;

    DivorcePages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String windowsEnding(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, Map.of("windowEndsWithinDays", 7, "page", page,
                "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        return "registry/divorces";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String marriageId, Model model) {
        model.addAttribute("marriageId", marriageId);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "registry/divorce-new";
    }

    @PostMapping
    String apply(Caller caller, @RequestParam(required = false) String marriageId,
            @RequestParam String idempotencyKey, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("marriageId", FormValues.text(marriageId));
        ApiAnswer answer = gateway.post(caller, gateway.uri(API, Map.of()), command, idempotencyKey, null);
        if (answer.ok()) {
            return "redirect:/registry/divorces/" + answer.json().get("id") + "?applied";
        }
        model.addAttribute("marriageId", marriageId);
        model.addAttribute("idempotencyKey", idempotencyKey);
        ApiAnswer.show(answer, model);
        return "registry/divorce-new";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return show(caller, id, null, model);
    }

    @PostMapping("/{id}/{step:withdrawal|registration}")
    String act(Caller caller, @PathVariable String id, @PathVariable String step,
            @RequestParam(required = false) String party, @RequestParam String idempotencyKey,
            @RequestParam String etag, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        if ("withdrawal".equals(step)) {
            command.put("party", FormValues.text(party));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/" + step, Map.of(), id), command,
                idempotencyKey, etag);
        if (answer.ok()) {
            return "redirect:/registry/divorces/" + id + "?done=" + step;
        }
        return show(caller, id, answer, model);
    }

    private String show(Caller caller, String id, ApiAnswer refusal, Model model) {
        ApiAnswer divorce = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", divorce);
        model.addAttribute("divorce", divorce.json());
        model.addAttribute("etag", divorce.etag());
        model.addAttribute("actionKey", UUID.randomUUID().toString());
        ApiAnswer.show(refusal, model);
        return "registry/divorce";
    }
}
