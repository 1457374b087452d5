package cn.minzheng.portal.assistance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.layout.Person;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 资金发放 and 保障标准 for a county approver: start a county's monthly payroll, follow its progress and totals,
 * download its payment list (the service's CSV, passed through); a county's standards with their history, and a
 * new standard from a month. Whether a run or a standard is allowed is the service's to say.
 */
@Controller
@RequestMapping("/assistance")
class PayrollPages {

    private final Gateway gateway;

    PayrollPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/payrolls")
    String start(@ModelAttribute("person") Person person, Model model) {
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("divisionCode", person.division());
        return "assistance/payrolls";
    }

    @PostMapping("/payrolls")
    String started(Caller caller, @RequestParam(required = false) String divisionCode,
            @RequestParam(required = false) String month, @RequestParam String idempotencyKey, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("divisionCode", FormValues.text(divisionCode));
        command.put("month", FormValues.text(month));
        ApiAnswer answer = gateway.post(caller, gateway.uri("/api/assistance/payrolls", Map.of()), command,
                idempotencyKey, null);
        if (answer.ok()) {
            return "redirect:/assistance/payrolls/" + answer.json().get("id");
        }
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("divisionCode", divisionCode);
        model.addAttribute("month", month);
        ApiAnswer.show(answer, model);
        return "assistance/payrolls";
    }

    @GetMapping("/payrolls/{id}")
    String payroll(Caller caller, @PathVariable String id, Model model) {
        ApiAnswer answer = gateway.get(caller, gateway.uri("/api/assistance/payrolls/{id}", Map.of(), id));
        model.addAttribute("answer", answer);
        model.addAttribute("payroll", answer.json());
        return "assistance/payroll";
    }

    @GetMapping("/payrolls/{id}/payments.csv")
    ResponseEntity<byte[]> paymentList(Caller caller, @PathVariable String id) {
        Gateway.Download file = gateway.download(caller, gateway.uri("/api/assistance/payrolls/{id}/payments.csv",
                Map.of(), id));
        if (file.status() != 200) {
            return ResponseEntity.status(HttpStatus.valueOf(file.status() >= 500 ? 503 : file.status())).build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, file.contentType());
        if (file.disposition() != null) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, file.disposition());
        }
        return ok.body(file.bytes());
    }

    @GetMapping("/standards")
    String standards(@ModelAttribute("person") Person person, Caller caller,
            @RequestParam(required = false) String programme, @RequestParam(required = false) String residence,
            Model model) {
        // The service lists one programme's standards at a time; dibao first, as the bureau reads them.
        String shown = programme == null || programme.isBlank() ? "DIBAO" : programme;
        ApiAnswer answer = gateway.get(caller, gateway.uri("/api/assistance/standards", Map.of(
                "division", person.division() == null ? "" : person.division(),
                "programme", shown, "residence", residence == null ? "" : residence)));
        model.addAttribute("answer", answer);
        model.addAttribute("programme", shown);
        model.addAttribute("residence", residence);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("typed", Map.of());
        return "assistance/standards";
    }

    @PostMapping("/standards")
    String newStandard(@ModelAttribute("person") Person person, Caller caller,
            @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("divisionCode", person.division());
        command.put("programme", FormValues.text(form.get("programme")));
        command.put("residence", FormValues.text(form.get("residence")));
        command.put("amount", FormValues.number(form.get("amount")));
        command.put("effectiveFrom", FormValues.text(form.get("effectiveFrom")));
        ApiAnswer answer = gateway.post(caller, gateway.uri("/api/assistance/standards", Map.of()), command,
                form.get("idempotencyKey"), null);
        if (answer.ok()) {
            return "redirect:/assistance/standards?created";
        }
        String page = standards(person, caller, null, null, model);
        model.addAttribute("idempotencyKey", form.get("idempotencyKey"));
        model.addAttribute("typed", form);
        ApiAnswer.show(answer, model);
        return page;
    }
}
