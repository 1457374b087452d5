package cn.minzheng.portal.funeral;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
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
 * The funeral office's other work: relocation projects (公墓搬迁, 散坟整治) with their batches of graves moved, eco
 * ceremonies (集体生态安葬) and each funeral home's monthly settlement (惠民殡葬结算), as the funeral service records and
 * totals them.
 */
@Controller
class FuneralWorkPages {

    private static final String PROJECTS = "/api/funeral/relocation-projects";
    private static final String CEREMONIES = "/api/funeral/eco-ceremonies";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final Gateway gateway;
    private final Clock clock;

    FuneralWorkPages(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @GetMapping("/funeral/relocation-projects")
    String projects(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        return projects(caller, page, Map.of(), null, model);
    }

    @PostMapping("/funeral/relocation-projects")
    String start(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"name", "kind", "divisionCode", "startedOn"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        ApiAnswer answer = gateway.post(caller, gateway.uri(PROJECTS, Map.of()), command, form.get("idempotencyKey"),
                null);
        if (answer.ok()) {
            return "redirect:/funeral/relocation-projects/" + answer.json().get("id") + "?done=started";
        }
        return projects(caller, 0, form, answer, model);
    }

    @GetMapping("/funeral/relocation-projects/{id}")
    String project(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, PROJECTS, id, null, model, "project", "funeral/relocation-project");
    }

    /** A batch of graves moved; its number counts once (the same batch again changes nothing). */
    @PostMapping("/funeral/relocation-projects/{id}/moves")
    String moved(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("batchNo", FormValues.text(form.get("batchNo")));
        command.put("movedTo", FormValues.text(form.get("movedTo")));
        command.put("graves", FormValues.number(form.get("graves")));
        command.put("on", FormValues.text(form.get("on")));
        return RecordPage.send(gateway, caller, PROJECTS, id, "moves", command, form, model,
                "/funeral/relocation-projects", "project", "funeral/relocation-project");
    }

    @GetMapping("/funeral/eco-ceremonies")
    String ceremonies(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        return ceremonies(caller, page, Map.of(), null, model);
    }

    /** The deaths named one per line (their record numbers), as the service reads the list. */
    @PostMapping("/funeral/eco-ceremonies")
    String ceremony(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"name", "type", "cemeteryId", "divisionCode", "date"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        String typed = form.get("deathIds");
        command.put("deathIds", typed == null ? List.of() : Arrays.stream(typed.split("\\R")).map(String::trim)
                .filter(line -> !line.isEmpty()).toList());
        command.put("familyParticipants", FormValues.number(form.get("familyParticipants")));
        ApiAnswer answer = gateway.post(caller, gateway.uri(CEREMONIES, Map.of()), command,
                form.get("idempotencyKey"), null);
        if (answer.ok()) {
            return "redirect:/funeral/eco-ceremonies?done";
        }
        return ceremonies(caller, 0, form, answer, model);
    }

    /** One month's statements (this month unless another is asked), per funeral home, with what the county owes. */
    @GetMapping("/funeral/settlements")
    String settlements(Caller caller, @RequestParam(required = false) String month, Model model) {
        String asked = FormValues.text(month) == null ? YearMonth.now(clock.withZone(CHINA)).toString() : month.trim();
        model.addAttribute("month", asked);
        model.addAttribute("answer", gateway.get(caller, gateway.uri("/api/funeral/settlements",
                Map.of("month", asked))));
        return "funeral/settlements";
    }

    private String projects(Caller caller, int page, Map<String, String> typed, ApiAnswer refusal, Model model) {
        Paging.list(gateway, caller, PROJECTS, Map.of(), page, model);
        return RecordPage.withForm(typed, refusal, model, "funeral/relocation-projects");
    }

    private String ceremonies(Caller caller, int page, Map<String, String> typed, ApiAnswer refusal, Model model) {
        Paging.list(gateway, caller, CEREMONIES, Map.of(), page, model);
        return RecordPage.withForm(typed, refusal, model, "funeral/eco-ceremonies");
    }
}
