package cn.minzheng.portal.funeral;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.gateway.Paging;
import cn.minzheng.portal.gateway.RecordPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 死亡登记: the deaths recorded at the division's funeral homes, a death recorded by the home, one death with its
 * services, cremation and fee waiver (each item, the rule that waived it and who pays, as the funeral service
 * computes it), and the acts its read offers: services and the cremation for the home, the retraction proposed
 * by one funeral officer and confirmed by another.
 */
@Controller
@RequestMapping("/funeral/deaths")
class DeathPages {

    private static final String API = "/api/funeral/deaths";
    private static final String PAGE = "/funeral/deaths";
    private static final String VIEW = "funeral/death";
    private final Gateway gateway;

    DeathPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, Map.of("from", from == null ? "" : from,
                "to", to == null ? "" : to, "page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "funeral/deaths";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("typed", Map.of());
        return "funeral/death-new";
    }

    @PostMapping
    String record(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"idNumber", "name", "dateOfDeath", "place", "cause", "divisionCode"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri(API, Map.of()), command, form.get("idempotencyKey"),
                null);
        if (answer.ok()) {
            return "redirect:" + PAGE + "/" + answer.json().get("id") + "?done=recorded";
        }
        model.addAttribute("idempotencyKey", form.get("idempotencyKey"));
        model.addAttribute("typed", form);
        ApiAnswer.show(answer, model);
        return "funeral/death-new";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return show(caller, id, null, model);
    }

    /** A service as the home records it: the item, how many (trips, days) and the day. */
    @PostMapping("/{id}/services")
    String serve(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("item", FormValues.text(form.get("item")));
        command.put("quantity", FormValues.number(form.get("quantity")));
        command.put("on", FormValues.text(form.get("on")));
        return send(caller, id, "services", command, form, model);
    }

    @PostMapping("/{id}/cremation")
    String cremate(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("certificateNo", FormValues.text(form.get("certificateNo")));
        command.put("date", FormValues.text(form.get("date")));
        return send(caller, id, "cremation", command, form, model);
    }

    @PostMapping("/{id}/retraction")
    String proposeRetraction(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("reason", FormValues.text(form.get("reason")));
        return send(caller, id, "retraction", command, form, model);
    }

    @PostMapping("/{id}/retraction/confirmation")
    String confirmRetraction(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        return send(caller, id, "retraction/confirmation", Map.of(), form, model);
    }

    private String send(Caller caller, String id, String step, Map<String, Object> command, Map<String, String> form,
            Model model) {
        String next = RecordPage.send(gateway, caller, API, id, step, command, form, model, PAGE, "death", VIEW);
        if (!next.startsWith("redirect:")) {
            model.addAttribute("waiver", gateway.get(caller, gateway.uri(API + "/{id}/fee-waiver", Map.of(), id)));
        }
        return next;
    }

    private String show(Caller caller, String id, ApiAnswer refusal, Model model) {
        model.addAttribute("waiver", gateway.get(caller, gateway.uri(API + "/{id}/fee-waiver", Map.of(), id)));
        return RecordPage.show(gateway, caller, API, id, refusal, model, "death", VIEW);
    }
}
