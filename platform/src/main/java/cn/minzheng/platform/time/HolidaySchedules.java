package cn.minzheng.platform.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The State Council's published yearly holiday schedules, read from the file a deployment supplies
 * (holiday-schedules.yml): per year the notice it comes from, its rest days and its make-up workdays.
 */
public record HolidaySchedules(Map<Integer, Schedule> years) {

    public HolidaySchedules {
        years = Map.copyOf(years);
    }

    /**
     * One year's notice. The fingerprint covers the days only (not the wording of the source), so that a service
     * recalculates when the days change and not when a title is corrected.
     */
    public record Schedule(int year, String source, Set<LocalDate> holidays, Set<LocalDate> workdays) {

        public Schedule {
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
        }

        public String fingerprint() {
            String days = "rest:" + new TreeSet<>(holidays) + ";work:" + new TreeSet<>(workdays);
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(days.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static HolidaySchedules none() {
        return new HolidaySchedules(Map.of());
    }

    /** The copy that ships in the platform: the default when a deployment names no file of its own. */
    public static HolidaySchedules shipped() {
        return read(new DefaultResourceLoader().getResource(LegalTimeProperties.SHIPPED));
    }

    /** Schedules written out in a test or a tool, in the file's own format. */
    public static HolidaySchedules parse(String yaml) {
        return parse(new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "text");
    }

    public static HolidaySchedules read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return parse(in, resource.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday schedules from " + resource.getDescription(), e);
        }
    }

    static HolidaySchedules parse(InputStream in, String origin) {
        Object document = yaml().load(in);
        Map<Integer, Schedule> years = new TreeMap<>();
        if (document instanceof Map<?, ?> root && root.get("schedules") instanceof Map<?, ?> schedules) {
            schedules.forEach((key, value) -> {
                int year = Integer.parseInt(String.valueOf(key));
                if (!(value instanceof Map<?, ?> entry) || !(entry.get("source") instanceof String source)
                        || source.isBlank()) {
                    throw new IllegalStateException(origin + ": year " + year + " needs the notice as 'source'");
                }
                Set<LocalDate> holidays = dates(entry.get("holidays"), origin, year);
                Set<LocalDate> workdays = dates(entry.get("workdays"), origin, year);
                years.put(year, new Schedule(year, source.strip(), holidays, workdays));
            });
        } else if (document != null) {
            throw new IllegalStateException(origin + ": expected a 'schedules:' map of years");
        }
        return new HolidaySchedules(years);
    }

    private static Set<LocalDate> dates(Object entries, String origin, int year) {
        Set<LocalDate> dates = new TreeSet<>();
        if (entries == null) {
            return dates;
        }
        if (!(entries instanceof List<?> list)) {
            throw new IllegalStateException(origin + ": year " + year + " lists days as [date, from/to, ...]");
        }
        for (Object entry : list) {
            try {
                String[] range = String.valueOf(entry).strip().split("/");
                LocalDate from = LocalDate.parse(range[0]);
                LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
                if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
                    throw new IllegalStateException(origin + ": year " + year + ": bad range " + entry);
                }
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    dates.add(day);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(origin + ": year " + year + ": not a date " + entry, e);
            }
        }
        return dates;
    }

    /** YAML without implicit timestamps: a day stays the text it was written as, never a midnight in some zone. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Resolver() {
            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
                if (!Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        });
    }
}
