package cn.minzheng.orgs.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.organization.Organization;
import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.problem.ProblemResponses;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.databind.json.JsonMapper;

/** Public disclosure (信息公开): what anyone may know of a registered organisation, without a login. */
@Tag(name = "信息公开 Public disclosure", description = "公众查询社会组织登记信息，无需登录。 Anyone looks up "
        + "registered organisations, no login.")
@RestController
@Validated
@RequestMapping("/api/orgs/public")
class PublicOrganizationController {

    private final Organizations organizations;
    private final LegalCalendar calendar;
    private final JsonMapper mapper;
    private final Clock clock;

    PublicOrganizationController(Organizations organizations, LegalCalendar calendar, JsonMapper mapper,
            Clock clock) {
        this.organizations = organizations;
        this.calendar = calendar;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Operation(summary = "查询社会组织 Look up organisations",
            description = "按区划和名称（部分），或按统一社会信用代码查询社会组织：名称、代码、类型、业务范围、状态、列入名录的日期、"
                    + "最近年检结论和评估等级（均按当日），无需登录。\n"
                    + "Organisations by division and (part of) their name, or by unified social credit code: name, "
                    + "code, type, scope, status, since when on a list, last annual inspection result and grade (as "
                    + "of today), no login.")
    @GetMapping("/organizations")
    PageResponse<PublicOrganization> find(@RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false) @Size(max = 50) String name,
            @RequestParam(required = false) CreditCode code, @Valid PageParams page) {
        if (code != null) {
            List<Organization> found = organizations.find(Organization.idOf(code))
                    .filter(o -> division == null || division.contains(o.division())).stream().toList();
            return PageResponse.of(found, page, found.size(), this::view);
        }
        if (division == null) {
            throw Refusal.invalid("division-or-code-required").on("division");
        }
        return PageResponse.of(organizations.findByName(division, name, page.offset(), page.size()), page,
                organizations.countByName(division, name), this::view);
    }

    @Operation(summary = "开放数据：登记名录 CSV Open data: the register as CSV",
            description = "整个登记名录（或某区划的）逐行导出为 CSV（UTF-8 带 BOM，Excel 可直接打开；表头和类型、状态随请求语言），"
                    + "边读边写，内存不随名录增长；每行末列为数据截至时间。ETag 取自名录最近一次变更和当日，"
                    + "带 If-None-Match 且未变时答 304，不再读名录。无需登录，网关按客户端限次。\n"
                    + "The whole register (or a division's) streamed as CSV (UTF-8 with a BOM so Excel opens it; "
                    + "headers and labels in the caller's language); memory does not grow with the register; the last "
                    + "column is the time the data is as of. The ETag comes from the register's last change and "
                    + "today: with If-None-Match and no change, 304 without reading the register. No login; the "
                    + "gateway limits each client.")
    @GetMapping(value = "/register.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) DivisionCode division,
            HttpServletRequest request, WebRequest web) {
        Locale locale = ProblemResponses.locale(request);
        OffsetDateTime asOf = asOf();
        String tag = tag(asOf.toLocalDate(), locale);
        if (web.checkNotModified(tag)) {
            return null;
        }
        MediaType csv = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
        return download("register-" + asOf.toLocalDate() + ".csv", csv, tag, out -> {
            try (var orgs = organizations.streamWithin(division)) {
                OpenDataExport.csv(orgs.map(o -> PublicOrganization.of(o, asOf.toLocalDate(), calendar)).iterator(),
                        out, locale, asOf);
            }
        });
    }

    @Operation(summary = "开放数据：登记名录 JSON Open data: the register as JSON",
            description = "同 CSV，为 JSON：{asOf, organizations:[...]}，逐条写出；ETag 和 304 同 CSV。无需登录。\n"
                    + "The same as JSON, {asOf, organizations:[...]}, written as it is read; ETag and 304 as for the "
                    + "CSV. No login.")
    @GetMapping(value = "/register.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> json(@RequestParam(required = false) DivisionCode division,
            WebRequest web) {
        OffsetDateTime asOf = asOf();
        String tag = tag(asOf.toLocalDate(), Locale.ROOT);
        if (web.checkNotModified(tag)) {
            return null;
        }
        return download("register-" + asOf.toLocalDate() + ".json", MediaType.APPLICATION_JSON, tag, out -> {
            try (var orgs = organizations.streamWithin(division)) {
                OpenDataExport.json(orgs.map(o -> PublicOrganization.of(o, asOf.toLocalDate(), calendar)).iterator(),
                        out, mapper, asOf);
            }
        });
    }

    /** Now in the bureau's zone, to the second: what the file is as of. */
    private OffsetDateTime asOf() {
        return OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * The extract's version: the register's last change, today (standings, lists and grades are as of the day, so
     * the same records read differently tomorrow) and the language of the labels. Asked with this tag, the answer
     * is a 304 after one indexed read, without reading the register.
     */
    private String tag(LocalDate today, Locale locale) {
        long lastChange = organizations.lastChange().map(java.time.Instant::toEpochMilli).orElse(0L);
        return "\"register-" + Long.toString(lastChange, 36) + "-" + today + "-" + locale.getLanguage() + "\"";
    }

    private static ResponseEntity<StreamingResponseBody> download(String file, MediaType type, String tag,
            StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type).eTag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"").body(body);
    }

    private PublicOrganization view(Organization o) {
        return PublicOrganization.of(o, LocalDate.now(clock), calendar);
    }
}
