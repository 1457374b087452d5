package cn.minzheng.portal.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.layout.Person;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 统计分析: every office's figures of the person's county for a year, month by month. Each office computes its own
 * ({@code series=month}; a month as if asked alone) and decides who may read them: a leader reads all, a county
 * approver their office's, and an office that refuses shows its refusal in place of its chart. The year runs to
 * today while it lasts.
 */
@Controller
@RequestMapping("/dashboards")
class DashboardPages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int YEARS_SHOWN = 5;
    private final Gateway gateway;
    private final MessageSource messages;
    private final Clock clock;

    DashboardPages(Gateway gateway, MessageSource messages, Clock clock) {
        this.gateway = gateway;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String dashboards(@ModelAttribute("person") Person person, Caller caller,
            @RequestParam(required = false) Integer year, Model model) {
        int shown = year(year);
        List<MonthTable> tables = new ArrayList<>();
        for (Chart chart : Chart.ALL) {
            tables.add(table(person, caller, chart, shown));
        }
        model.addAttribute("tables", tables);
        model.addAttribute("year", shown);
        int thisYear = today().getYear();
        model.addAttribute("years", IntStream.range(0, YEARS_SHOWN).map(i -> thisYear - i).boxed().toList());
        return "dashboard/dashboards";
    }

    /** One office's table as CSV (UTF-8 with a BOM, for spreadsheets): the month and the figures, nothing typed. */
    @GetMapping("/{office}.csv")
    ResponseEntity<byte[]> csv(@ModelAttribute("person") Person person, Caller caller, @PathVariable String office,
            @RequestParam(required = false) Integer year, Locale locale) {
        Chart chart = Chart.of(office).orElse(null);
        if (chart == null) {
            return ResponseEntity.notFound().build();
        }
        int shown = year(year);
        MonthTable table = table(person, caller, chart, shown);
        if (!table.answer().ok()) {
            int status = table.answer().status();
            return ResponseEntity.status(status >= 500 ? 503 : status).build();
        }
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>();
            header.add(messages.getMessage("chart.month", null, locale));
            chart.columns().forEach(column -> header.add(messages.getMessage(column.labelKey(), null, locale)));
            csv.printRecord(header);
            for (MonthTable.Row row : table.rows()) {
                List<Object> record = new ArrayList<>();
                record.add(row.month());
                record.addAll(row.cells());
                csv.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(office + "-" + shown + ".csv").build().toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private MonthTable table(Person person, Caller caller, Chart chart, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate to = end.isAfter(today()) ? today() : end;
        ApiAnswer answer = gateway.get(caller, gateway.uri(chart.api(), Map.of(
                "division", person.division() == null ? "" : person.division(),
                "from", from, "to", to, "series", "month")));
        return MonthTable.of(chart, answer);
    }

    /** The year asked for, if it is one of those offered; else this year. */
    private int year(Integer asked) {
        int thisYear = today().getYear();
        return asked != null && asked <= thisYear && asked > thisYear - YEARS_SHOWN ? asked : thisYear;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
