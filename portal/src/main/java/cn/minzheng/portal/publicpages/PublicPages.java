package cn.minzheng.portal.publicpages;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import cn.minzheng.portal.PortalProperties;
import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.gateway.Paging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * 公开信息: what anyone may read without logging in, as the services publish it (masked as they mask it), and the
 * one thing anyone may write, an objection to an application on notice. The portal shows the services' answers and
 * words; it keeps nothing and asks nothing of a citizen but what the service needs.
 */
@Controller
@RequestMapping("/public")
class PublicPages {

    private final Gateway gateway;
    private final PortalProperties properties;

    PublicPages(Gateway gateway, PortalProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @GetMapping
    String index() {
        return "public/index";
    }

    /** 公示栏: the applications on notice in a township (or the county), with their dates. */
    @GetMapping("/notices")
    String notices(HttpServletRequest request, @RequestParam(required = false) String division,
            @RequestParam(defaultValue = "0") int page, Model model) {
        return byDivision(request, "/api/assistance/public-notices", division, Map.of(), page, model,
                "public/notices");
    }

    /** 异议: anyone may object while the notice runs; the service answers without echoing anything personal. */
    @GetMapping("/notices/{applicationId}/objection")
    String objectionForm(@PathVariable String applicationId, @RequestParam(required = false) String division,
            Model model) {
        model.addAttribute("applicationId", applicationId);
        model.addAttribute("division", division);
        model.addAttribute("typed", "");
        return "public/objection";
    }

    @PostMapping("/notices/{applicationId}/objection")
    String object(HttpServletRequest request, @PathVariable String applicationId,
            @RequestParam(required = false) String text, @RequestParam(required = false) String division,
            Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("text", FormValues.text(text));
        ApiAnswer answer = gateway.post(citizen(request), gateway.uri("/api/assistance/public-notices/{id}/objections",
                Map.of(), applicationId), command, null, null);
        model.addAttribute("applicationId", applicationId);
        model.addAttribute("division", division);
        if (answer.ok()) {
            model.addAttribute("received", answer.json());
            return "public/objection-received";
        }
        model.addAttribute("typed", text);
        ApiAnswer.show(answer, model);
        return "public/objection";
    }

    /** 养老机构查询: facilities of a division with their free beds. */
    @GetMapping("/facilities")
    String facilities(HttpServletRequest request, @RequestParam(required = false) String division,
            @RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("type", type);
        return byDivision(request, "/api/eldercare/public/facilities", division,
                Map.of("type", type == null ? "" : type), page, model, "public/facilities");
    }

    /** 社会组织查询: by name or credit code, with each organisation's standing as the register discloses it. */
    @GetMapping("/organizations")
    String organizations(HttpServletRequest request, @RequestParam(required = false) String name,
            @RequestParam(required = false) String code, @RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer = gateway.get(citizen(request), gateway.uri("/api/orgs/public/organizations",
                Map.of("name", name == null ? "" : name.strip(), "code", code == null ? "" : code.strip(),
                        "page", page, "size", Paging.SIZE)));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("name", name);
        model.addAttribute("code", code);
        return "public/organizations";
    }

    /** The whole register as open data, passed on as the service wrote it (the gateway limits downloads per citizen). */
    @GetMapping("/organizations/register.csv")
    ResponseEntity<byte[]> register(HttpServletRequest request) {
        Gateway.Download file = gateway.download(citizen(request),
                gateway.uri("/api/orgs/public/register.csv", Map.of()));
        if (file.status() != 200) {
            return ResponseEntity.status(file.status() == ApiAnswer.UNAVAILABLE ? 503 : file.status()).build();
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, file.disposition()).body(file.bytes());
    }

    /** 双随机一公开: the plans published for a division, with the organisations drawn and the results. */
    @GetMapping("/inspections")
    String inspections(HttpServletRequest request, @RequestParam(required = false) String division,
            @RequestParam(defaultValue = "0") int page, Model model) {
        return byDivision(request, "/api/orgs/public/inspection-plans", division, Map.of(), page, model,
                "public/inspections");
    }

    /** A published list of one division (this portal's county unless the citizen names another), paged. */
    private String byDivision(HttpServletRequest request, String api, String division, Map<String, Object> filters,
            int page, Model model, String view) {
        String chosen = division == null || division.isBlank() ? properties.publicDivision() : division.strip();
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("division", chosen);
        query.put("page", page);
        query.put("size", Paging.SIZE);
        ApiAnswer answer = gateway.get(citizen(request), gateway.uri(api, query));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", Paging.of(answer, page));
        model.addAttribute("division", chosen);
        return view;
    }

    private static Caller citizen(HttpServletRequest request) {
        return Caller.citizen(request.getRemoteAddr(), RequestContextUtils.getLocale(request));
    }
}
