package cn.minzheng.assistance.application.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.minzheng.assistance.application.Application;
import cn.minzheng.assistance.application.ApplicationService;
import cn.minzheng.assistance.application.Applications;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 公示, login-free (a village notice board on the web): applications on notice in a division, with the family
 * name and ID number masked, the programme, the amount and the notice window, so anyone can object in time.
 */
@Tag(name = "公示 Public notices", description = "正在公示的救助对象（脱敏），无需登录。 Applications on public notice (masked), no login needed.")
@RestController
@RequestMapping("/api/assistance/public-notices")
class PublicNoticeController {

    /** Who a login-free objection is from, as the application records it. */
    static final String PUBLIC = "(public notice page)";

    private final Applications applications;
    private final ApplicationService service;
    private final LegalCalendar calendar;
    private final Clock clock;

    PublicNoticeController(Applications applications, ApplicationService service, LegalCalendar calendar,
            Clock clock) {
        this.calendar = calendar;
        this.applications = applications;
        this.service = service;
        this.clock = clock;
    }

    record PublicObjection(@NotBlank @Size(max = 1000) String text) {
    }

    /** What a login-free objector is told: that it arrived, and until when the notice runs; nothing about anyone. */
    record Received(boolean received, LocalDate noticeUntil) {
    }

    record Notice(String applicationId, String name, String idNumber, String divisionCode, Programme programme,
            BigDecimal monthlyAmount, LocalDate noticeFrom, LocalDate noticeUntil, boolean open,
            boolean untilProvisional) {

        /** {@code untilProvisional}: the end rests on a year whose holiday schedule is not out yet and may move. */
        static Notice of(Application a, LocalDate today, LegalCalendar calendar) {
            var n = a.notice();
            return new Notice(a.id(), n.maskedName(), n.maskedIdNumber(), a.division().value(), a.programme(),
                    n.expectedAmount().amount(), n.from(), n.until(), !today.isAfter(n.until()),
                    calendar.basis(n.from(), n.until()).provisional());
        }
    }

    @Operation(summary = "公示名单 Public notice list",
            description = "某区划正在公示的申请，姓名和号码已脱敏；无需登录。\n"
                    + "Applications on notice in a division, names and numbers masked; no login.")
    @GetMapping
    PageResponse<Notice> list(@RequestParam DivisionCode division, @Valid PageParams page) {
        LocalDate today = LocalDate.now(clock);
        return PageResponse.of(applications.find(division, Application.Status.PUBLIC_NOTICE, page.offset(),
                page.size()), page, applications.count(division, Application.Status.PUBLIC_NOTICE),
                a -> Notice.of(a, today, calendar));
    }

    /**
     * Anyone may object to an application on notice from the notice page, without logging in (API.md). The
     * gateway limits these per client; the answer echoes neither the text nor anything about the household.
     */
    @Operation(summary = "公示异议（无需登录） Object from the notice page (no login)",
            description = "任何人可在公示期内对公示中的申请提出异议，无需登录；答复不回显任何个人信息。\n"
                    + "Anyone may object to an application on notice, without logging in; the answer echoes no personal data.")
    @PostMapping("/{applicationId}/objections")
    ResponseEntity<Received> object(@PathVariable String applicationId, @Valid @RequestBody PublicObjection command) {
        Application application = service.object(applications.get(applicationId), command.text(), PUBLIC);
        return ResponseEntity.accepted().body(new Received(true, application.notice().until()));
    }
}
