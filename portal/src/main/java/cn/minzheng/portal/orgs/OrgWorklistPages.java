package cn.minzheng.portal.orgs;

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
 * The registry's worklists as the orgs service computes them today: the revocation worklist (two consecutive years
 * without annual inspection, with any proposal waiting for a second officer) and the list decisions not yet in the
 * credit record (due five working days after the decision). Each opens the organisation, where the acts are.
 */
@Controller
@RequestMapping("/orgs/worklists")
class OrgWorklistPages {

    private final Gateway gateway;

    OrgWorklistPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/{worklist:revocation|credit-records}")
    String worklist(Caller caller, @PathVariable String worklist, @RequestParam(defaultValue = "0") int page,
            Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri("/api/orgs/worklists/" + worklist, Map.of("page", page,
                "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("worklist", worklist);
        return "orgs/worklist";
    }
}
