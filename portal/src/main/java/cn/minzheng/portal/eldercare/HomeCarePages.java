package cn.minzheng.portal.eldercare;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.FormValues;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * 居家上门服务: the division's home-care orders, an order placed by an officer (the service decides whether the
 * person is eligible and on which grounds), one order with the proof its provider's staff send and the officer's
 * reimbursement (each form only where the read offers it), and a provider's monthly statement.
 */
@Controller
@RequestMapping("/eldercare/service-orders")
class HomeCarePages {

    private static final String API = "/api/eldercare/service-orders";
    private static final String PAGE = "/eldercare/service-orders";
    private static final String VIEW = "eldercare/service-order";
    private final Gateway gateway;

    HomeCarePages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Paging.list(gateway, caller, API, java.util.Collections.singletonMap("status", status), page, model);
        return "eldercare/service-orders";
    }

    @GetMapping("/new")
    String form(Model model) {
        return RecordPage.blank(model, "eldercare/service-order-new");
    }

    @PostMapping
    String order(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (String field : new String[] {"idNumber", "name", "divisionCode", "serviceType", "providerCreditCode",
            "providerName", "plannedOn"}) {
            command.put(field, FormValues.text(form.get(field)));
        }
        command.put("disabled", FormValues.yesNo(form.get("disabled")));
        command.put("hours", FormValues.number(form.get("hours")));
        return RecordPage.create(gateway, caller, API, command, form, model, PAGE, "ordered",
                "eldercare/service-order-new");
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        return RecordPage.show(gateway, caller, API, id, null, model, "order", VIEW);
    }

    /**
     * The proof as the provider's staff send it: the times typed in China's time, and of the photo only its SHA-256
     * (the service keeps the checksum; the photo stays with the provider).
     */
    @PostMapping("/{id}/proof")
    String prove(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form,
            @RequestParam(required = false) MultipartFile photo, Model model) throws IOException {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("checkIn", FormValues.chinaTime(form.get("checkIn")));
        command.put("checkOut", FormValues.chinaTime(form.get("checkOut")));
        command.put("place", FormValues.text(form.get("place")));
        command.put("elderConfirmed", FormValues.yesNo(form.get("elderConfirmed")));
        command.put("photoSha256", photo == null || photo.isEmpty() ? null : sha256(photo.getBytes()));
        return RecordPage.send(gateway, caller, API, id, "proof", command, form, model, PAGE, "order", VIEW);
    }

    @PostMapping("/{id}/reimbursement")
    String reimburse(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        return RecordPage.send(gateway, caller, API, id, "reimbursement", Map.of(), form, model, PAGE, "order",
                VIEW);
    }

    /** A provider's month as the service totals it; without a provider, the form to ask for one. */
    @GetMapping("/statements")
    String statement(Caller caller, @RequestParam(required = false) String providerCreditCode,
            @RequestParam(required = false) String month, Model model) {
        model.addAttribute("providerCreditCode", providerCreditCode);
        model.addAttribute("month", month);
        if (FormValues.text(providerCreditCode) != null && FormValues.text(month) != null) {
            model.addAttribute("answer", gateway.get(caller, gateway.uri(API + "/statements",
                    Map.of("providerCreditCode", providerCreditCode.trim(), "month", month.trim()))));
        }
        return "eldercare/statement";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
