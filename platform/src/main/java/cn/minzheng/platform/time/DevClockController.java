package cn.minzheng.platform.time;

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

    @GetMapping
    @PreAuthorize("hasRole('admin')")
    public Now now() {
        return new Now(OffsetDateTime.now(movable()), movable().offset());
    }

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
