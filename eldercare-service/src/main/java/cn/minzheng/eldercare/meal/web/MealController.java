package cn.minzheng.eldercare.meal.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.minzheng.eldercare.access.FacilityStaff;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.meal.MealRecord;
import cn.minzheng.eldercare.meal.Meals;
import cn.minzheng.eldercare.support.AssistanceStatus;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.Authorization;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonRefs;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "助餐 Meals", description = "助餐点的用餐记录、补贴和每日合计。 Meals served at meal points, their subsidy and daily totals.")
@RestController
class MealController {

    private final Meals meals;
    private final Facilities facilities;
    private final Authorization authorization;
    private final Auditor auditor;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    MealController(Meals meals, Facilities facilities, Authorization authorization, Auditor auditor,
            PersonalDataCipher cipher, Clock clock) {
        this.meals = meals;
        this.facilities = facilities;
        this.authorization = authorization;
        this.auditor = auditor;
        this.cipher = cipher;
        this.clock = clock;
    }

    record NewMeal(@NotNull ResidentIdNumber idNumber, @NotBlank @Size(max = 50) String name, @NotNull LocalDate date,
            @NotNull MealRecord.Meal meal) {
    }

    /** A meal record as staff and the person see it: the ID number masked. */
    record MealResponse(String id, String mealPointId, String name, String idNumber, LocalDate date,
            MealRecord.Meal meal, int age, List<AssistanceStatus.Programme> assistance, BigDecimal subsidyByAge,
            BigDecimal subsidyByAssistance, BigDecimal subsidy) {

        static MealResponse of(MealRecord m) {
            return new MealResponse(m.id().substring(m.id().indexOf('/') + 1), m.mealPointId(), m.name(),
                    m.idNumber().masked(), m.date(), m.meal(), m.age(), m.assistance(), m.subsidyByAge(),
                    m.subsidyByAssistance(), m.subsidy());
        }
    }

    @Operation(summary = "登记用餐 Record a meal",
            description = "助餐点登记老人某日某餐；按当日年龄和救助状态计算补贴。同一人同日同餐只记一次：同一助餐点重试返回原记录，其他助餐点 409。\n"
                    + "A meal point records a person's meal of a day; the subsidy follows the age and assistance on "
                    + "that day. Once per person, day and meal: a retry at the same point gets the first record, "
                    + "another point gets 409.")
    @PostMapping("/api/eldercare/meal-points/{id}/meals")
    @PreAuthorize("hasAnyRole('facility-operator', 'eldercare-officer')")
    ResponseEntity<MealResponse> record(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody NewMeal command) {
        Facility point = FacilityStaff.requireAccess(jwt, facilities.get(id), authorization);
        Meals.Served served = meals.record(point, command.idNumber(), command.name(), command.date(), command.meal(),
                Caller.from(jwt).username());
        auditor.concerning(served.meal().id(), List.of(served.meal().idNumber().personRef()));
        MealResponse body = MealResponse.of(served.meal());
        return served.created() ? ResponseEntity.created(URI.create("/api/eldercare/meal-points/" + id + "/meals"))
                .body(body) : ResponseEntity.ok(body);
    }

    @Operation(summary = "助餐点每日合计 A point's daily totals",
            description = "某助餐点某日早中晚餐次数、用餐人数和补贴合计。\n"
                    + "A point's breakfasts, lunches and dinners of a day, the people served and the subsidy.")
    @GetMapping("/api/eldercare/meal-points/{id}/daily-totals")
    @PreAuthorize("hasAnyRole('facility-operator', 'eldercare-officer', 'auditor', 'admin')")
    Meals.DailyTotals totals(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestParam LocalDate date) {
        Facility point = FacilityStaff.requireAccess(jwt, facilities.get(id), authorization);
        return meals.totals(point.id(), date);
    }

    @Operation(summary = "我的用餐记录 My meals",
            description = "公民查看本人近 90 天的用餐记录和补贴。\n"
                    + "A citizen sees their meals and subsidies of the last 90 days.")
    @GetMapping("/api/eldercare/me/meals")
    @PreAuthorize("hasRole('citizen')")
    List<MealResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        LocalDate today = LocalDate.now(clock);
        return meals.of(PersonRefs.ofCitizen(Caller.from(jwt), cipher), today.minusDays(90), today).stream()
                .map(MealResponse::of).toList();
    }
}
