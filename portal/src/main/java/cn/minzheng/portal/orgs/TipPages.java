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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 举报线索: the division's tip-offs (the informant masked), one tip with its outcome form while the service offers
 * it, and the informant's contact read in full only when the service offers that (each read is on its audit trail).
 */
@Controller
@RequestMapping("/orgs/tips")
class TipPages {

    private static final String API = "/api/orgs/tips";
    private static final String PAGE = "/orgs/tips";
    private final Gateway gateway;

    TipPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(defaultValue = "true") boolean open,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(API, Map.of("open", open, "page", page,
                "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("open", open);
        return "orgs/tips";
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, API, id, null, model, "tip", "orgs/tip");
    }

    /** The informant's full contact, asked for on purpose: the service audits the read. */
    @PostMapping("/{id}/informant")
    String informant(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("informant", gateway.get(caller, gateway.uri(API + "/{id}/informant", Map.of(), id)));
        return RecordPage.show(gateway, caller, API, id, null, model, "tip", "orgs/tip");
    }

    @PostMapping("/{id}/outcome")
    String outcome(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.act(gateway, caller, API, id, "outcome", form, model, PAGE, "tip", "orgs/tip", "outcome",
                "note");
    }
}
