package cn.minzheng.portal.orgs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * 培育扶持: government-purchase and venture-philanthropy projects with their evaluation, and donations to recognised
 * charities with their receipts. The orgs service keeps the rules (a donation only to a charity, receipts up to the
 * pledge, one evaluation) and says which act is open; these pages offer that act and show its answer.
 */
@Controller
class SupportPages {

    private static final String PROJECTS = "/api/orgs/projects";
    private static final String DONATIONS = "/api/orgs/donations";
    private final Gateway gateway;

    SupportPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/orgs/projects")
    String projects(Caller caller, @RequestParam(required = false) String organizationId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Paging.list(gateway, caller, PROJECTS, Collections.singletonMap("organizationId", organizationId), page,
                model);
        return "orgs/projects";
    }

    /** The form, for the organisation whose page it was opened from when one is named. */
    @GetMapping("/orgs/projects/new")
    String projectForm(@RequestParam(required = false) String organizationId, Model model) {
        model.addAttribute("typed", Collections.singletonMap("organizationId", organizationId));
        return RecordPage.blank(model, "orgs/project-new");
    }

    @PostMapping("/orgs/projects")
    String award(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = texts(form, "kind", "title", "organizationId", "purchaser", "startsOn",
                "endsOn");
        command.put("amount", FormValues.number(form.get("amount")));
        return RecordPage.create(gateway, caller, PROJECTS, command, form, model, "/orgs/projects", "awarded",
                "orgs/project-new");
    }

    @GetMapping("/orgs/projects/{id}")
    String project(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, PROJECTS, id, null, model, "project", "orgs/project");
    }

    @PostMapping("/orgs/projects/{id}/evaluation")
    String evaluate(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, PROJECTS, id, "evaluation", form, model, "/orgs/projects", "project",
                "orgs/project", "rating", "evaluatedOn", "note");
    }

    @GetMapping("/orgs/donations")
    String donations(Caller caller, @RequestParam(required = false) String organizationId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Paging.list(gateway, caller, DONATIONS, Collections.singletonMap("organizationId", organizationId), page,
                model);
        return "orgs/donations";
    }

    /** The form, for the organisation whose page it was opened from when one is named. */
    @GetMapping("/orgs/donations/new")
    String donationForm(@RequestParam(required = false) String organizationId, Model model) {
        model.addAttribute("typed", Collections.singletonMap("organizationId", organizationId));
        return RecordPage.blank(model, "orgs/donation-new");
    }

    @PostMapping("/orgs/donations")
    String pledge(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = texts(form, "organizationId", "donorKind", "donorName", "purpose", "pledgedOn");
        command.put("pledged", FormValues.number(form.get("pledged")));
        return RecordPage.create(gateway, caller, DONATIONS, command, form, model, "/orgs/donations", "pledged",
                "orgs/donation-new");
    }

    @GetMapping("/orgs/donations/{id}")
    String donation(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, DONATIONS, id, null, model, "donation", "orgs/donation");
    }

    @PostMapping("/orgs/donations/{id}/receipts")
    String receive(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("amount", FormValues.number(form.get("amount")));
        command.put("receivedOn", FormValues.text(form.get("receivedOn")));
        return RecordPage.send(gateway, caller, DONATIONS, id, "receipts", command, form, model, "/orgs/donations",
                "donation", "orgs/donation");
    }

    static Map<String, Object> texts(Map<String, String> form, String... fields) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : fields) {
            command.put(field, FormValues.text(form.get(field)));
        }
        return command;
    }
}
