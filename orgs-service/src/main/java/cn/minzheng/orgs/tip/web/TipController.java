package cn.minzheng.orgs.tip.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.orgs.tip.Informant;
import cn.minzheng.orgs.tip.Tip;
import cn.minzheng.orgs.tip.Tips;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PhoneNumber;
import cn.minzheng.platform.security.Caller;
import cn.minzheng.platform.web.ETags;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "非法社会组织举报 Tip-offs", description = "任何人无需登录即可举报非法社会组织；辖区的登记管理机关调查并记录结果。"
        + " Anyone reports an illegal organisation without logging in; the division's registry investigates and "
        + "records the outcome.")
@RestController
@RequestMapping("/api/orgs/tips")
class TipController {

    private final Tips tips;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    TipController(Tips tips, Authorization authorization, Auditor auditor, PersonalDataCipher cipher, Clock clock) {
        this.auditor = auditor;
        this.cipher = cipher;
        this.tips = tips;
        this.authorization = authorization;
        this.clock = clock;
    }

    /** The informant may leave a name and a mobile number, or neither. */
    record NewTip(@NotBlank @Size(max = 100) String suspectedName, @NotBlank @Size(max = 2000) String text,
            @Size(max = 50) String informantName, PhoneNumber informantPhone, @NotNull DivisionCode divisionCode) {
    }

    /** What the informant gets back: that it arrived, and when. Nothing they wrote is echoed. */
    record Received(String id, Instant receivedAt) {
    }

    @Operation(summary = "举报非法社会组织（无需登录） Report an illegal organisation (no login)",
            description = "任何人可举报疑似非法社会组织：名称、情况（2000 字以内）、区划，联系方式可不留。答复只有受理编号和时间，"
                    + "不回显所写内容；网关按客户端限流。\n"
                    + "Anyone may report a suspected illegal organisation: its name, what they know (up to 2,000 "
                    + "characters), the division, and a contact if they wish. The answer is only a reference and the "
                    + "time, echoing nothing written; the gateway limits these per client.")
    @PostMapping
    ResponseEntity<Received> file(@Valid @RequestBody NewTip command) {
        Tip tip = Tip.file(command.suspectedName(), command.text(),
                Informant.of(command.informantName(), command.informantPhone(), cipher), command.divisionCode(), clock);
        tips.insert(tip);
        return ResponseEntity.accepted().body(new Received(tip.id(), tip.receivedAt()));
    }

    /** A tip as officers of the division see it: the informant's name and phone masked. */
    record TipView(String id, String suspectedName, String text, String informantName, String informantPhone,
            String divisionCode, Instant receivedAt, Tip.Outcome outcome, String outcomeNote, String closedBy,
            Instant closedAt, List<Tip.Action> actions) {

        /** The tip as this caller reads it, with what they may do on it now. */
        static TipView of(Tip t, Jwt jwt) {
            Informant informant = t.informant();
            return new TipView(t.id(), t.suspectedName(), t.text(), informant == null ? null : informant.maskedName(),
                    informant == null ? null : informant.maskedPhone(), t.division().value(), t.receivedAt(),
                    t.outcome(), t.outcomeNote(), t.closedBy(), t.closedAt(),
                    t.actions(Caller.from(jwt).hasRole("orgs-officer")));
        }
    }

    @Operation(summary = "举报线索列表 Tip-offs",
            description = "辖区收到的举报线索，可只看未办结的。\n"
                    + "The tip-offs of a division, or only those still open.")
    @GetMapping
    @PreAuthorize("hasAnyRole('orgs-officer', 'auditor')")
    PageResponse<TipView> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) DivisionCode division,
            @RequestParam(required = false, defaultValue = "false") boolean open, @Valid PageParams page) {
        DivisionCode scope = authorization.scope(Caller.from(jwt), division, "tip");
        return PageResponse.of(tips.find(scope, open, page.offset(), page.size()), page, tips.count(scope, open),
                tip -> TipView.of(tip, jwt));
    }

    @Operation(summary = "查看举报线索 Read a tip-off",
            description = "一条举报线索及其调查结果（联系方式脱敏）。\n"
                    + "One tip-off and its outcome (the contact masked).")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('orgs-officer', 'auditor')")
    ResponseEntity<TipView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Tip tip = inDivision(jwt, id);
        return ETags.ok(tip, TipView.of(tip, jwt));
    }

    @Operation(summary = "查看举报人联系方式 Reveal the informant",
            description = "本辖区登记管理人员因调查需要读取举报人的完整姓名和手机号码；每次读取记入审计（个人信息查阅）。"
                    + "其他人员（含审计人员）不可读取。\n"
                    + "An orgs officer of the division reads the informant's full name and mobile number when the "
                    + "investigation needs them; every read is audited as a personal-data access. Nobody else (auditors "
                    + "included) may.")
    @GetMapping("/{id}/informant")
    @PreAuthorize("hasRole('orgs-officer')")
    Informant.Revealed informant(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Tip tip = inDivision(jwt, id);
        auditor.personalDataRead("tip", tip.id(), null);
        return tip.informant() == null ? new Informant.Revealed(null, null) : tip.informant().reveal(cipher);
    }

    record OutcomeBody(@NotNull Tip.Outcome outcome, @Size(max = 1000) String note) {
    }

    @Operation(summary = "调查结果 Outcome",
            description = "记录调查结果：劝散（DISSUADED）、取缔（BANNED）或移交（REFERRED），只记一次。带 If-Match。\n"
                    + "Records how the investigation ended: dissuaded, banned or referred; once. Send If-Match.")
    @PostMapping("/{id}/outcome")
    @PreAuthorize("hasRole('orgs-officer')")
    ResponseEntity<TipView> outcome(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody OutcomeBody command) {
        Tip tip = ETags.requireMatch(ifMatch, inDivision(jwt, id));
        tip.close(command.outcome(), command.note(), Caller.from(jwt).username(), clock);
        tips.save(tip);
        return ETags.ok(tip, TipView.of(tip, jwt));
    }

    private Tip inDivision(Jwt jwt, String id) {
        Tip tip = tips.get(id);
        authorization.requireDivision(Caller.from(jwt), tip.division(), "tip", id);
        return tip;
    }
}
