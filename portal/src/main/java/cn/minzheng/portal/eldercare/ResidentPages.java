package cn.minzheng.portal.eldercare;

import java.util.Map;

import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.RecordPage;
import cn.minzheng.portal.gateway.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 入住老人: one stay with its assessments and care level; reassessment and discharge while the read offers them,
 * each guarded by the version the page was rendered from.
 */
@Controller
@RequestMapping("/eldercare/residents")
class ResidentPages {

    private static final String API = "/api/eldercare/residents";
    private final Gateway gateway;

    ResidentPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, API, id, null, model, "resident", "eldercare/resident");
    }

    @PostMapping("/{id}/reassessments")
    String reassess(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "reassessments", form, model, "/eldercare/residents",
                "resident", "eldercare/resident", "abilityLevel", "assessedOn");
    }

    @PostMapping("/{id}/discharge")
    String discharge(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "discharge", form, model, "/eldercare/residents",
                "resident", "eldercare/resident", "reason", "date");
    }
}
