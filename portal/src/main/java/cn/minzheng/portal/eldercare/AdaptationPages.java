package cn.minzheng.portal.eldercare;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 适老化改造 and 家庭照护床位: the division's adaptations, an assessment recorded (the service decides who is eligible
 * on the day), one adaptation with construction and acceptance where its read offers them (the subsidy is the
 * service's: the final cost up to the county's cap), and a family care bed registered once per person.
 */
@Controller
class AdaptationPages {

    private static final String API = "/api/eldercare/home-adaptations";
    private static final String PAGE = "/eldercare/home-adaptations";
    private static final String VIEW = "eldercare/adaptation";
    private final Gateway gateway;

    AdaptationPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping(PAGE)
    String list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Paging.list(gateway, caller, API, java.util.Collections.singletonMap("status", status), page, model);
        return "eldercare/adaptations";
    }

    @GetMapping(PAGE + "/new")
    String form(Model model) {
        return RecordPage.blank(model, "eldercare/adaptation-new");
    }

    /** The items typed one per line, sent as the list the service reads. */
    @PostMapping(PAGE)
    String assess(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"idNumber", "name", "divisionCode", "address", "assessedOn"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        command.put("items", lines(form.get("items")));
        command.put("estimatedCost", FormValues.number(form.get("estimatedCost")));
        return RecordPage.create(gateway, caller, API, command, form, model, PAGE, "assessed",
                "eldercare/adaptation-new");
    }

    @GetMapping(PAGE + "/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, API, id, null, model, "adaptation", VIEW);
    }

    @PostMapping(PAGE + "/{id}/construction")
    String construct(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "construction", form, model, PAGE, "adaptation", VIEW,
                "startedOn", "contractor");
    }

    @PostMapping(PAGE + "/{id}/acceptance")
    String accept(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("acceptedOn", FormValues.text(form.get("acceptedOn")));
        command.put("passed", FormValues.yesNo(form.get("passed")));
        command.put("finalCost", FormValues.number(form.get("finalCost")));
        command.put("note", FormValues.text(form.get("note")));
        return RecordPage.send(gateway, caller, API, id, "acceptance", command, form, model, PAGE, "adaptation",
                VIEW);
    }

    @GetMapping("/eldercare/family-care-beds/new")
    String familyBedForm(Model model) {
        return RecordPage.blank(model, "eldercare/family-bed");
    }

    /** Registered, or the person's first registration answered again (200): the page says which. */
    @PostMapping("/eldercare/family-care-beds")
    String familyBed(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"idNumber", "name", "divisionCode", "providerCreditCode", "since"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri("/api/eldercare/family-care-beds", Map.of()), command,
                form.get("idempotencyKey"), null);
        model.addAttribute("idempotencyKey", form.get("idempotencyKey"));
        model.addAttribute("typed", form);
        if (answer.ok()) {
            model.addAttribute("bed", answer.json());
            model.addAttribute("created", answer.status() == 201);
        } else {
            ApiAnswer.show(answer, model);
        }
        return "eldercare/family-bed";
    }

    private static List<String> lines(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("\\R")).map(String::trim)
                .filter(line -> !line.isEmpty()).toList();
    }
}
