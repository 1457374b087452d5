package cn.minzheng.registry.stats;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.registry.adoption.Adoptions;
import cn.minzheng.registry.appointment.Appointment;
import cn.minzheng.registry.appointment.Appointments;
import cn.minzheng.registry.divorce.Divorce;
import cn.minzheng.registry.divorce.Divorces;
import cn.minzheng.registry.marriage.Marriages;

import org.springframework.stereotype.Component;

/**
 * Counts for the work report. A divorce counts as applied in the period it was applied in, and as withdrawn, deemed
 * withdrawn or registered in the period that happened in, so one application can appear in two periods' reports.
 * Back-entered marriages are history and are not counted again.
 */
@Component
public class RegistryStatistics {

    private final Marriages marriages;
    private final Divorces divorces;
    private final Adoptions adoptions;
    private final Appointments appointments;

    RegistryStatistics(Marriages marriages, Divorces divorces, Adoptions adoptions, Appointments appointments) {
        this.marriages = marriages;
        this.divorces = divorces;
        this.adoptions = adoptions;
        this.appointments = appointments;
    }

    public record DivorceFigures(long applied, long withdrawn, long deemedWithdrawn, long registered) {
    }

    public record AppointmentFigures(long booked, long cancelled, long attended, long noShows) {
    }

    public record Report(String division, LocalDate from, LocalDate to, long marriages,
            Map<String, Long> marriagesByOffice, DivorceFigures divorces, Map<String, Long> divorcesRegisteredByOffice,
            long adoptions, AppointmentFigures appointments) {
    }

    /** Counted in the store's stream with only the counted fields read: no records are held in memory. */
    public Report report(DivisionCode division, LocalDate from, LocalDate to) {
        Map<String, Long> married = marriages.registeredPerOffice(division, from, to);
        Map<String, Long> closed = divorces.closedPerStatusAndOffice(division, from, to);
        Map<String, Long> registered = perOffice(closed, Divorce.Status.REGISTERED);
        return new Report(division.value(), from, to, total(married), married,
                new DivorceFigures(divorces.countAppliedIn(division, from, to),
                        total(perOffice(closed, Divorce.Status.WITHDRAWN)),
                        total(perOffice(closed, Divorce.Status.DEEMED_WITHDRAWN)), total(registered)),
                registered, adoptions.registered(division, from, to),
                new AppointmentFigures(appointments.count(division, from, to, null),
                        appointments.count(division, from, to, Appointment.Status.CANCELLED),
                        appointments.count(division, from, to, Appointment.Status.ATTENDED),
                        appointments.count(division, from, to, Appointment.Status.NO_SHOW)));
    }

    /** The counts of one status out of counts per {@code status|officeId}. */
    private static Map<String, Long> perOffice(Map<String, Long> perStatusAndOffice, Divorce.Status status) {
        Map<String, Long> counts = new TreeMap<>();
        String prefix = status.name() + "|";
        perStatusAndOffice.forEach((key, count) -> {
            if (key.startsWith(prefix)) {
                counts.put(key.substring(prefix.length()), count);
            }
        });
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
