package cn.minzheng.platform.time;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import cn.minzheng.platform.refusal.Refusal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dev runs and system tests: where the clock is movable, an admin moves it forward (e.g. past a 7-day public
 * notice). Elsewhere the endpoint answers 404, as if it did not exist; production refuses a movable clock at start.
 */
@Tag(name = "开发时钟 Dev clock", description = "仅开发与测试环境：向前拨动服务时钟。 Dev and test stacks only: move the service's clock forward.")
@RestController
@RequestMapping("/api/${minzheng.service.name}/dev/clock")
public class DevClockController {

    private final Clock clock;
    private final ApplicationEventPublisher events;

    public DevClockController(Clock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.events = events;
    }

    public record Advance(@NotNull Duration by) {
    }

    public record Now(OffsetDateTime now, Duration offset) {
    }

    @Operation(summary = "查看服务时间 The service's time",
            description = "服务时钟的当前时间和偏移量（管理员）。\n"
                    + "The service clock's time and offset (admin).")
    @GetMapping
    @PreAuthorize("hasRole('admin')")
    public Now now() {
        return new Now(OffsetDateTime.now(movable()), movable().offset());
    }

    @Operation(summary = "向前拨动时钟 Move the clock forward",
            description = "管理员把时钟向前拨动，例如越过公示期；到期任务随即执行。\n"
                    + "An admin moves the clock forward, e.g. past a notice period; jobs due by then run at once.")
    @PostMapping
    @PreAuthorize("hasRole('admin')")
    public Now advance(@Valid @RequestBody Advance command) {
        if (command.by().isNegative()) {
            throw Refusal.invalid("clock-backwards").on("by");
        }
        events.publishEvent(new ClockAdvanced(movable().advance(command.by())));
        return now();
    }

    private MovableClock movable() {
        if (clock instanceof MovableClock movable) {
            return movable;
        }
        throw Refusal.notFound("not-found");
    }
}
