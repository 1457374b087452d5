package cn.minzheng.portal.orgs;

import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 社会组织登记: the division's register by status and type, and one organisation with its standing as the orgs
 * service reads it today (status, missed reports, the grade in force), its annual reports, status history,
 * amendments and evaluations.
 */
@Controller
@RequestMapping("/orgs/organizations")
class OrganizationPages {

    private static final String API = "/api/orgs/organizations";
    private static final String PAGE = "/orgs/organizations";
    private static final String VIEW = "orgs/organization";
    private final Gateway gateway;

    OrganizationPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", status == null ? "" : status);
        query.put("type", type == null ? "" : type);
        query.put("page", page);
        query.put("size", Paging.SIZE);
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, query));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        return "orgs/organizations";
    }

    @GetMapping("/new")
    String form(Model model) {
        return RecordPage.blank(model, "orgs/organization-new");
    }

    /** 成立登记: the legal representative as a nested object; capital a number; "direct" a yes/no. */
    @PostMapping
    String register(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"name", "type", "creditCode", "sponsorUnit", "businessScope", "address",
            "divisionCode", "registeredOn"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        command.put("directRegistration", FormValues.yesNo(form.get("directRegistration")));
        command.put("registeredCapital", FormValues.number(form.get("registeredCapital")));
        command.put("legalRepresentative", representative(form));
        return RecordPage.create(gateway, caller, API, command, form, model, PAGE, "registered",
                "orgs/organization-new");
    }

    /** 变更登记: a new value, or for the legal representative a person (name and ID number). */
    @PostMapping("/{id}/amendments")
    String amend(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("item", FormValues.text(form.get("item")));
        command.put("value", FormValues.text(form.get("value")));
        if (FormValues.text(form.get("legalRepresentative.name")) != null
                || FormValues.text(form.get("legalRepresentative.idNumber")) != null) {
            command.put("legalRepresentative", representative(form));
        }
        command.put("approvedOn", FormValues.text(form.get("approvedOn")));
        return RecordPage.send(gateway, caller, API, id, "amendments", command, form, model, PAGE, "org", VIEW);
    }

    @PostMapping("/{id}/major-matters")
    String majorMatter(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        return RecordPage.act(gateway, caller, API, id, "major-matters", form, model, PAGE, "org", VIEW, "kind",
                "summary", "occursOn", "reportedOn");
    }

    @PostMapping("/{id}/charity-recognition")
    String recognizeCharity(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        return RecordPage.act(gateway, caller, API, id, "charity-recognition", form, model, PAGE, "org", VIEW,
                "recognizedOn");
    }

    /** 注销, its three steps in the order the service keeps: application, liquidation report, approval. */
    @PostMapping("/{id}/deregistration")
    String applyForDeregistration(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        return RecordPage.act(gateway, caller, API, id, "deregistration", form, model, PAGE, "org", VIEW,
                "appliedOn", "reason");
    }

    @PostMapping("/{id}/deregistration/liquidation-report")
    String reportLiquidation(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        return RecordPage.act(gateway, caller, API, id, "deregistration/liquidation-report", form, model, PAGE,
                "org", VIEW, "reportedOn", "summary");
    }

    @PostMapping("/{id}/deregistration/approval")
    String approveDeregistration(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        return RecordPage.act(gateway, caller, API, id, "deregistration/approval", form, model, PAGE, "org", VIEW,
                "approvedOn");
    }

    private static Map<String, Object> representative(Map<String, String> form) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", FormValues.text(form.get("legalRepresentative.name")));
        person.put("idNumber", FormValues.text(form.get("legalRepresentative.idNumber")));
        return person;
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, API, id, null, model, "org", VIEW);
    }

    @PostMapping("/{id}/status-changes")
    String changeStatus(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        return RecordPage.act(gateway, caller, API, id, "status-changes", form, model, PAGE, "org", VIEW, "status",
                "reason", "legalBasis", "effectiveOn");
    }

    @PostMapping("/{id}/grades")
    String grade(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "grades", form, model, PAGE, "org", VIEW, "grade",
                "gradedOn");
    }

    @PostMapping("/{id}/revocation")
    String proposeRevocation(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        return RecordPage.act(gateway, caller, API, id, "revocation", form, model, PAGE, "org", VIEW, "reason",
                "legalBasis", "effectiveOn");
    }

    @PostMapping("/{id}/revocation-proposal/confirmation")
    String confirmRevocation(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        return RecordPage.act(gateway, caller, API, id, "revocation-proposal/confirmation", form, model, PAGE, "org",
                VIEW);
    }

    /** The year is a number for the service; the days and the verdict as chosen. */
    @PostMapping("/{id}/annual-reports")
    String annualReport(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("year", FormValues.number(form.get("year")));
        command.put("sponsorReceivedOn", FormValues.text(form.get("sponsorReceivedOn")));
        command.put("registryReceivedOn", FormValues.text(form.get("registryReceivedOn")));
        command.put("result", FormValues.text(form.get("result")));
        return RecordPage.send(gateway, caller, API, id, "annual-reports", command, form, model, PAGE, "org", VIEW);
    }

    /** One list decision's entry in the credit record, named by its place in the history (the worklist's). */
    @GetMapping("/{id}/credit-records/{change}")
    String creditForm(Caller caller, @PathVariable String id, @PathVariable int change, Model model) {
        model.addAttribute("change", change);
        return RecordPage.show(gateway, caller, API, id, null, model, "org", "orgs/credit-record");
    }

    @PostMapping("/{id}/credit-records/{change}")
    String recordCredit(Caller caller, @PathVariable String id, @PathVariable int change,
            @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("change", change);
        command.put("recordedOn", FormValues.text(form.get("recordedOn")));
        ApiAnswer answer = gateway.post(caller, gateway.uri(API + "/{id}/credit-records", Map.of(), id), command,
                form.get("idempotencyKey"), form.get("etag"));
        if (answer.ok()) {
            return "redirect:" + PAGE + "/" + id + "?done=credit-records";
        }
        model.addAttribute("change", change);
        model.addAttribute("typed", form);
        return RecordPage.show(gateway, caller, API, id, answer, model, "org", "orgs/credit-record");
    }
}
