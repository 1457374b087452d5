package cn.minzheng.portal.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.layout.Person;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 婚姻登记 at the window: the day's bookings with attendance, marriage registration, the office calendar. Divorce
 * applications are {@link DivorcePages}. Every date and refusal is the registry service's.
 */
@Controller
@RequestMapping("/registry")
class RegistryPages {

    private final Gateway gateway;
    private final Offices offices;

    RegistryPages(Gateway gateway, Offices offices) {
        this.gateway = gateway;
        this.offices = offices;
    }

    /** Without a date, the service's today at every office of the registrar's division. */
    @GetMapping("/bookings")
    String bookings(Caller caller, @RequestParam(required = false) String date, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri("/api/registry/appointments",
                Map.of("date", date == null ? "" : date)));
        model.addAttribute("answer", answer);
        model.addAttribute("date", date);
        model.addAttribute("actionKey", UUID.randomUUID().toString());
        return "registry/bookings";
    }

    @PostMapping("/bookings/{id}/attendance")
    String attendance(Caller caller, @PathVariable String id, @RequestParam String attended,
            @RequestParam(required = false) String date, @RequestParam String idempotencyKey, Model model) {
        // No If-Match: the day's list carries no version per booking, and reading one just before the act would
        // only make an extra call, never catch a stale page. The service refuses a second attendance itself.
        ApiAnswer answer = gateway.post(caller, gateway.uri("/api/registry/appointments/{id}/attendance", Map.of(),
                id), Map.of("attended", FormValues.yesNo(attended)), idempotencyKey, null);
        if (answer.ok()) {
            return "redirect:/registry/bookings" + (date == null || date.isBlank() ? "" : "?date=" + date);
        }
        String page = bookings(caller, date, model);
        model.addAttribute("refusal", answer);
        return page;
    }

    @GetMapping("/marriages/new")
    String marriageForm(@ModelAttribute("person") Person person, Caller caller, Model model) {
        model.addAttribute("offices", offices.of(caller, person));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("typed", Map.of());
        return "registry/marriage-new";
    }

    @PostMapping("/marriages")
    String registerMarriage(@ModelAttribute("person") Person person, Caller caller,
            @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("officeId", FormValues.text(form.get("officeId")));
        command.put("declarationSigned", "yes".equals(form.get("declarationSigned")));
        command.put("partyA", party(form, "partyA"));
        command.put("partyB", party(form, "partyB"));
        ApiAnswer answer = gateway.post(caller, gateway.uri("/api/registry/marriages", Map.of()), command,
                form.get("idempotencyKey"), null);
        if (answer.ok()) {
            return "redirect:/registry/marriages/" + answer.json().get("id") + "?registered";
        }
        model.addAttribute("offices", offices.of(caller, person));
        model.addAttribute("idempotencyKey", form.get("idempotencyKey"));
        model.addAttribute("typed", form);
        ApiAnswer.show(answer, model);
        return "registry/marriage-new";
    }

    @GetMapping("/marriages/{id}")
    String marriage(@ModelAttribute("person") Person person, Caller caller, @PathVariable String id, Model model) {
        return showMarriage(person, caller, id, null, model);
    }

    /** 补领: at an office of the registrar's own division, guarded by the version the page was rendered from. */
    @PostMapping("/marriages/{id}/reissue")
    String reissue(@ModelAttribute("person") Person person, Caller caller, @PathVariable String id,
            @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("officeId", FormValues.text(form.get("officeId")));
        command.put("reason", FormValues.text(form.get("reason")));
        ApiAnswer answer = gateway.post(caller, gateway.uri("/api/registry/marriages/{id}/reissue", Map.of(), id),
                command, form.get("idempotencyKey"), form.get("etag"));
        if (answer.ok()) {
            return "redirect:/registry/marriages/" + id + "?reissued";
        }
        model.addAttribute("typed", form);
        return showMarriage(person, caller, id, answer, model);
    }

    private String showMarriage(Person person, Caller caller, String id, ApiAnswer refusal, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri("/api/registry/marriages/{id}", Map.of(), id));
        model.addAttribute("answer", answer);
        model.addAttribute("marriage", answer.json());
        model.addAttribute("etag", answer.etag());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (answer.offers("REISSUE")) {
            model.addAttribute("offices", offices.of(caller, person));
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        ApiAnswer.show(refusal, model);
        return "registry/marriage";
    }

    @GetMapping("/calendar")
    String calendar(@ModelAttribute("person") Person person, Caller caller,
            @RequestParam(required = false) String officeId, Model model) {
        ApiAnswer list = offices.of(caller, person);
        String chosen = officeId != null ? officeId
                : list.items().isEmpty() ? null : String.valueOf(list.items().getFirst().get("id"));
        model.addAttribute("offices", list);
        model.addAttribute("officeId", chosen);
        model.addAttribute("office", chosen == null ? null
                : gateway.get(caller, gateway.uri("/api/registry/offices/{id}", Map.of(), chosen)));
        return "registry/calendar";
    }

    private static Map<String, Object> party(Map<String, String> form, String prefix) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("name", FormValues.text(form.get(prefix + ".name")));
        party.put("idNumber", FormValues.text(form.get(prefix + ".idNumber")));
        return party;
    }
}
