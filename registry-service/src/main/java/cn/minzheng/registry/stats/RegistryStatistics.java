package cn.minzheng.registry.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.registry.adoption.Adoptions;
import cn.minzheng.registry.appointment.Appointment;
import cn.minzheng.registry.appointment.Appointments;
import cn.minzheng.registry.divorce.Divorce;
import cn.minzheng.registry.divorce.Divorces;
import cn.minzheng.registry.marriage.Marriage;
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

    public Report report(DivisionCode division, LocalDate from, LocalDate to) {
        List<Marriage> married = marriages.registered(division, from, to);
        List<Divorce> closed = divorces.closedIn(division, from, to);
        List<Divorce> registered = closed.stream().filter(d -> d.status() == Divorce.Status.REGISTERED).toList();
        return new Report(division.value(), from, to, married.size(), byOffice(married, Marriage::officeId),
                new DivorceFigures(divorces.appliedIn(division, from, to).size(),
                        count(closed, Divorce.Status.WITHDRAWN), count(closed, Divorce.Status.DEEMED_WITHDRAWN),
                        registered.size()),
                byOffice(registered, Divorce::officeId), adoptions.registered(division, from, to),
                new AppointmentFigures(appointments.count(division, from, to, null),
                        appointments.count(division, from, to, Appointment.Status.CANCELLED),
                        appointments.count(division, from, to, Appointment.Status.ATTENDED),
                        appointments.count(division, from, to, Appointment.Status.NO_SHOW)));
    }

    private static long count(List<Divorce> divorces, Divorce.Status status) {
        return divorces.stream().filter(d -> d.status() == status).count();
    }

    private static <T> Map<String, Long> byOffice(List<T> records, Function<T, String> office) {
        return records.stream().collect(Collectors.groupingBy(office, TreeMap::new, Collectors.counting()));
    }
}
