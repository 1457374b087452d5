package cn.minzheng.portal.eldercare;

import java.util.Map;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
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
 * 安全检查: one inspection with its findings, each deadline (the legal one, on a working day) and rectification, and
 * the rectification form where the read offers it; 逾期未整改, the findings past their deadline, longest first.
 */
@Controller
@RequestMapping("/eldercare/inspections")
class InspectionPages {

    private final Gateway gateway;

    InspectionPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/{id}")
    String inspection(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, "/api/eldercare/inspections", id, null, model, "inspection",
                "eldercare/inspection");
    }

    /** The finding's rectification, offered while it is open, to the facility's staff and the officers. */
    @PostMapping("/{id}/rectifications")
    String rectify(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, "/api/eldercare/inspections", id, "rectifications", form, model,
                "/eldercare/inspections", "inspection", "eldercare/inspection", "findingId", "rectifiedOn",
                "evidence");
    }

    @GetMapping("/overdue")
    String overdue(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri("/api/eldercare/inspections/overdue",
                Map.of("page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        return "eldercare/inspections-overdue";
    }
}
