package cn.minzheng.registry.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.registry.appointment.Appointments;
import cn.minzheng.registry.divorce.Divorces;
import org.springframework.stereotype.Service;

/**
 * A registrar's worklists in their division, counted as their lists count: today's bookings at the division's
 * offices (an appointment carries its office's division), and open divorce applications whose registration window
 * ends within {@value #WINDOW_DAYS} days.
 */
@Service
public class Worklists {

    public static final int WINDOW_DAYS = 7;

    public enum Worklist {
        BOOKINGS_TODAY, DIVORCE_WINDOWS_ENDING
    }

    private final Appointments appointments;
    private final Divorces divorces;
    private final Clock clock;

    Worklists(Appointments appointments, Divorces divorces, Clock clock) {
        this.appointments = appointments;
        this.divorces = divorces;
        this.clock = clock;
    }

    public Map<Worklist, Long> of(DivisionCode scope) {
        LocalDate today = LocalDate.now(clock);
        Map<Worklist, Long> counts = new LinkedHashMap<>();
        counts.put(Worklist.BOOKINGS_TODAY, appointments.count(scope, today, today, null));
        counts.put(Worklist.DIVORCE_WINDOWS_ENDING,
                divorces.countWindowEndingBetween(scope, today, today.plusDays(WINDOW_DAYS)));
        return counts;
    }
}
