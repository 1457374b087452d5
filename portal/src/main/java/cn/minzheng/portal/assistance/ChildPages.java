package cn.minzheng.portal.assistance;

import java.util.Map;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.RecordPage;
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
 * 儿童关爱, made for a phone: a child director's own children (the service gives her only those) or an officer's
 * division's, the overdue visits, one child's record with the visit and risk-assessment forms. When the next visit
 * falls due is the service's rule (by the risk level); the page shows the date it answers.
 */
@Controller
@RequestMapping("/assistance/children")
class ChildPages {

    private static final String API = "/api/assistance/children";
    private final Gateway gateway;

    ChildPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String overdue,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, Map.of("overdue", "true".equals(overdue) ? "true" : "",
                "page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("overdue", "true".equals(overdue));
        return "assistance/children";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, API, id, null, model, "child", "assistance/child");
    }

    @PostMapping("/{id}/visits")
    String visit(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "visits", form, model, "/assistance/children", "child",
                "assistance/child", "on", "note");
    }

    @PostMapping("/{id}/assessments")
    String assess(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "assessments", form, model, "/assistance/children", "child",
                "assistance/child", "riskLevel", "reason");
    }
}
