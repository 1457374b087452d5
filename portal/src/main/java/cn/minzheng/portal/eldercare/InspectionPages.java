package cn.minzheng.portal.eldercare;

import java.util.Map;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.gateway.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 逾期未整改: the safety findings past their deadline (the legal one, on a working day), longest overdue first. */
@Controller
@RequestMapping("/eldercare/inspections")
class InspectionPages {

    private final Gateway gateway;

    InspectionPages(Gateway gateway) {
        this.gateway = gateway;
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
