package cn.minzheng.portal.orgs;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.gateway.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API + "/{id}", Map.of(), id));
        model.addAttribute("answer", answer);
        model.addAttribute("org", answer.json());
        return "orgs/organization";
    }
}
