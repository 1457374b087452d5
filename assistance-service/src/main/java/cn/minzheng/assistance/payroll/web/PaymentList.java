package cn.minzheng.assistance.payroll.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import cn.minzheng.assistance.payroll.Payment;
import cn.minzheng.platform.web.SpreadsheetCsv;

/**
 * A payroll run's payment list as a spreadsheet opens it (UTF-8 with a BOM, formula cells neutralised by the
 * platform's {@link SpreadsheetCsv}), headers in the caller's language. It names households by their id, not by a
 * person's name or number: the bank file with accounts is made by the payment system, not handed round as CSV.
 */
final class PaymentList {

    private static final List<String> COLUMNS = List.of("paymentId", "householdId", "divisionCode", "programme",
            "month", "amount", "paidAt");
    private static final List<String> ZH_HEADERS = List.of("发放编号", "家庭编号", "行政区划", "救助项目", "月份",
            "金额（元）", "发放时间");

    private PaymentList() {
    }

    /** {@code programmes}: each programme's name in the caller's language, by its code. */
    static void csv(Iterator<Payment> payments, OutputStream out, Locale locale,
            java.util.Map<String, String> programmes) throws IOException {
        boolean chinese = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        try (SpreadsheetCsv csv = SpreadsheetCsv.open(out, chinese ? ZH_HEADERS : COLUMNS)) {
            while (payments.hasNext()) {
                Payment p = payments.next();
                csv.row(p.id(), p.householdId(), p.division().value(),
                        programmes.getOrDefault(p.programme(), p.programme()), p.month(),
                        p.amount().amount().toPlainString(), p.paidAt());
            }
        }
    }
}
