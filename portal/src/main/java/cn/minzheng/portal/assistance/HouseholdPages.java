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
     * By a member's ID number: posted, so the number is in no address (history, proxies' logs), and the service
     * finds it by its keyed index in the person's own division only.
     */
    @PostMapping("/search")
    String search(Caller caller, @RequestParam(required = false) String idNumber, Model model) {
        Map<String, Object> command = new java.util.LinkedHashMap<>();
        command.put("idNumber", cn.minzheng.portal.gateway.FormValues.text(idNumber));
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

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
