package cn.minzheng.orgs.organization.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

import cn.minzheng.platform.web.SpreadsheetCsv;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data extract of the register, written row by row as the store streams it, so memory does not grow
 * with the register: CSV through the platform's {@link SpreadsheetCsv} (a BOM for Excel, cells that would run as
 * formulas neutralised; headers and labels in the caller's language) or a JSON array of {@link PublicOrganization}.
 */
final class OpenDataExport {

    private static final List<String> COLUMNS = List.of("name", "creditCode", "type", "businessScope",
            "divisionCode", "address", "registeredOn", "status", "listedSince", "charitySince",
            "lastInspectionYear", "lastInspectionResult", "grade", "gradeValidUntil", "asOf");
    private static final List<String> ZH_HEADERS = List.of("名称", "统一社会信用代码", "类型", "业务范围", "区划代码", "住所",
            "登记日期", "状态", "列入名录日期", "认定慈善组织日期", "最近年检年度", "最近年检结论", "评估等级", "等级有效期至",
            "数据截至");

    private OpenDataExport() {
    }

    /** Each row ends with the time the extract is as of: a row copied out of the file still says when it was true. */
    static void csv(Iterator<PublicOrganization> rows, OutputStream out, Locale locale, OffsetDateTime asOf)
            throws IOException {
        boolean chinese = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        ResourceBundle terms = ResourceBundle.getBundle("problems", chinese ? Locale.SIMPLIFIED_CHINESE
                : Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        // A column value takes its label (a bare noun) where one is written, else the term used in messages.
        Function<String, String> term = key -> terms.containsKey("label." + key) ? terms.getString("label." + key)
                : terms.containsKey("term." + key) ? terms.getString("term." + key) : key;
        try (SpreadsheetCsv csv = SpreadsheetCsv.open(out, chinese ? ZH_HEADERS : COLUMNS)) {
            while (rows.hasNext()) {
                PublicOrganization o = rows.next();
                csv.row(o.name(), o.creditCode(), term.apply("org-type." + o.type()), o.businessScope(),
                        o.divisionCode(), o.address(), o.registeredOn(), term.apply("org-status." + o.status()),
                        o.listedSince(), o.charitySince(), o.lastInspectionYear(),
                        o.lastInspectionResult() == null ? null
                                : term.apply("verdict." + o.lastInspectionResult()), o.grade(), o.gradeValidUntil(),
                        asOf);
            }
        }
    }

    static void json(Iterator<PublicOrganization> rows, OutputStream out, JsonMapper mapper, OffsetDateTime asOf) {
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("asOf", asOf.toString());
            json.writeName("organizations");
            json.writeStartArray();
            while (rows.hasNext()) {
                json.writePOJO(rows.next());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
