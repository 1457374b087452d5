package cn.minzheng.portal.assistance;

import java.util.Map;
import java.util.UUID;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
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

/** 救助家庭: the list of a division's households, one household's detail, and the registration form. */
@Controller
@RequestMapping("/assistance/households")
class HouseholdPages {

    private static final String API = "/api/assistance/households";
    private final Gateway gateway;

    HouseholdPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String division, @RequestParam(defaultValue = "0") int page,
            Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, Map.of("status", orEmpty(status),
                "division", orEmpty(division), "page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("status", status);
        model.addAttribute("division", division);
        return "assistance/households";
    }

    /**
     * By a member's ID number or the beginning of a member's name: posted, so neither is in an address (history,
     * proxies' logs); the service finds them by its indexes, in the person's own division only.
     */
    @PostMapping("/search")
    String search(Caller caller, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String name, Model model) {
        Map<String, Object> command = new java.util.LinkedHashMap<>();
        if (name != null) {
            command.put("name", cn.minzheng.portal.gateway.FormValues.text(name));
            model.addAttribute("name", name);
        } else {
            command.put("idNumber", cn.minzheng.portal.gateway.FormValues.text(idNumber));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/search", Map.of()), command, null, null);
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, 0));
        model.addAttribute("searched", true);
        return "assistance/households";
    }

    @GetMapping("/new")
    String form(@ModelAttribute("person") Person person, Model model) {
        HouseholdForm form = new HouseholdForm();
        form.setDivisionCode(person.division());
        form.setIdempotencyKey(UUID.randomUUID().toString());
        model.addAttribute("form", form);
        return "assistance/household-new";
    }

    @PostMapping
    String register(Caller caller, @ModelAttribute("form") HouseholdForm form, Model model) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(API, Map.of()), form.command(), form.getIdempotencyKey(),
                null);
        if (answer.ok()) {
            return "redirect:/assistance/households/" + answer.json().get("id") + "?registered";
        }
        ApiAnswer.show(answer, model);
        return "assistance/household-new";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        ApiAnswer household = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", household);
        model.addAttribute("household", household.json());
        model.addAttribute("applicationKey", UUID.randomUUID().toString());
        return "assistance/household";
    }

    /** 家庭情况变更: the form starts from the household as read now, and the edit is guarded by that version. */
    @GetMapping("/{id}/change")
    String changeForm(Caller caller, @PathVariable String id, Model model) {
        return showChange(caller, id, Map.of(), null, model);
    }

    @PostMapping("/{id}/change")
    String change(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        HouseholdChange.Sent sent = HouseholdChange.of(form);
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/changes", Map.of(), id), sent.command(),
                form.get("idempotencyKey"), form.get("etag"));
        if (answer.ok()) {
            return "redirect:/assistance/households/" + id + "?changed";
        }
        String page = showChange(caller, id, form, answer, model);
        model.addAttribute("errors", sent.onForm(answer.fieldErrors()));
        return page;
    }

    /**
     * After a refusal the form shows what was typed, with the version and original values it was rendered from, so
     * a stale edit stays refused until the officer reopens the form.
     */
    private String showChange(Caller caller, String id, Map<String, String> typed, ApiAnswer refusal, Model model) {
        ApiAnswer household = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", household);
        model.addAttribute("household", household.json());
        model.addAttribute("typed", typed);
        model.addAttribute("etag", typed.containsKey("etag") ? typed.get("etag") : household.etag());
        model.addAttribute("idempotencyKey", typed.getOrDefault("idempotencyKey", UUID.randomUUID().toString()));
        ApiAnswer.show(refusal, model);
        return "assistance/household-change";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
