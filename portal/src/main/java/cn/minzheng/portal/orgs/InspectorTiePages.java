package cn.minzheng.portal.orgs;

import java.util.Map;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.gateway.Paging;
import cn.minzheng.portal.gateway.RecordPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 回避关系: the ties declared between inspectors and organisations in the division, and the form declaring one. A
 * declared tie keeps the inspector from ever being drawn for that organisation (the orgs service's draw).
 */
@Controller
@RequestMapping("/orgs/inspector-ties")
class InspectorTiePages {

    private static final String API = "/api/orgs/inspector-ties";
    private final Gateway gateway;

    InspectorTiePages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        return show(caller, page, Map.of(), null, model);
    }

    @PostMapping
    String declare(Caller caller, @RequestParam Map<String, String> form, Model model) {
        ApiAnswer answer = gateway.post(caller, gateway.uri(API, Map.of()),
                SupportPages.texts(form, "inspector", "organizationId", "relation", "note"),
                form.get("idempotencyKey"), null);
        if (answer.ok()) {
            return "redirect:/orgs/inspector-ties?done";
        }
        return show(caller, 0, form, answer, model);
    }

    private String show(Caller caller, int page, Map<String, String> typed, ApiAnswer refusal, Model model) {
        Paging.list(gateway, caller, API, Map.of(), page, model);
        return RecordPage.withForm(typed, refusal, model, "orgs/inspector-ties");
    }
}
