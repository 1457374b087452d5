package cn.minzheng.portal.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * 收养登记 at the window: one or two adopters, the child, the assessment and (for a foundling) the notice. The
 * registry service checks every condition of Civil Code arts. 1093-1102 and words each refusal; the form only
 * passes on what was typed.
 */
@Controller
@RequestMapping("/registry/adoptions")
class AdoptionPages {

    private static final String API = "/api/registry/adoptions";
    private final Gateway gateway;
    private final Offices offices;

    AdoptionPages(Gateway gateway, Offices offices) {
        this.gateway = gateway;
        this.offices = offices;
    }

    @GetMapping("/new")
    String form(@ModelAttribute("person") Person person, Caller caller, Model model) {
        model.addAttribute("offices", offices.of(caller, person));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("typed", Map.of());
        return "registry/adoption-new";
    }

    @PostMapping
    String register(@ModelAttribute("person") Person person, Caller caller, @RequestParam Map<String, String> form,
            Model model) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(API, Map.of()), command(form), form.get("idempotencyKey"),
                null);
        if (answer.ok()) {
            return "redirect:/registry/adoptions/" + answer.json().get("id") + "?registered";
        }
        model.addAttribute("offices", offices.of(caller, person));
        model.addAttribute("idempotencyKey", form.get("idempotencyKey"));
        model.addAttribute("typed", form);
        ApiAnswer.show(answer, model);
        return "registry/adoption-new";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", answer);
        model.addAttribute("adoption", answer.json());
        return "registry/adoption";
    }

    /** The second adopter's row is sent only when something was typed in it (a single adopter is lawful). */
    static Map<String, Object> command(Map<String, String> form) {
        List<Map<String, Object>> adopters = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String prefix = "adopters[" + i + "].";
            if (i == 0 || FormValues.text(form.get(prefix + "name")) != null
                    || FormValues.text(form.get(prefix + "idNumber")) != null) {
                Map<String, Object> adopter = new LinkedHashMap<>();
                adopter.put("name", FormValues.text(form.get(prefix + "name")));
                adopter.put("idNumber", FormValues.text(form.get(prefix + "idNumber")));
                adopter.put("childrenCount", FormValues.number(form.get(prefix + "childrenCount")));
                adopters.add(adopter);
            }
        }
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("name", FormValues.text(form.get("child.name")));
        child.put("idNumber", FormValues.text(form.get("child.idNumber")));
        child.put("status", FormValues.text(form.get("child.status")));
        child.put("disabled", "yes".equals(form.get("child.disabled")));
        child.put("inWelfareInstitution", "yes".equals(form.get("child.inWelfareInstitution")));
        child.put("consented", "yes".equals(form.get("child.consented")));
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("officeId", FormValues.text(form.get("officeId")));
        command.put("adopters", adopters);
        command.put("child", child);
        command.put("assessmentCompleted", "yes".equals(form.get("assessmentCompleted")));
        command.put("noticeFrom", FormValues.text(form.get("noticeFrom")));
        return command;
    }
}
