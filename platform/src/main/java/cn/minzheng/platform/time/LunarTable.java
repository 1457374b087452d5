package cn.minzheng.platform.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chinese lunar calendar and the Qingming solar term as the Hong Kong Observatory's conversion tables give them
 * (minzheng/legal-time/lunar-years.tsv and qingming.tsv, which name their source). A table, not an astronomical
 * computation: libraries disagree where a new moon falls minutes from midnight (ICU4J puts lunar New Year 2027 on
 * Feb 7; it is Feb 6), and the law needs the day the authoritative almanac prints.
 */
public final class LunarTable {

    private static final String LUNAR_YEARS = "minzheng/legal-time/lunar-years.tsv";
    private static final String QINGMING = "minzheng/legal-time/qingming.tsv";

    /** One lunar year: the Gregorian date of its first day, its twelve regular months, and its leap month. */
    record Year(int year, LocalDate firstDay, int[] months, int leapMonth, int leapDays) {

        LocalDate date(int month, int day) {
            int offset = 0;
            for (int m = 1; m < month; m++) {
                offset += months[m - 1] + (m == leapMonth ? leapDays : 0);
            }
            return firstDay.plusDays(offset + day - 1L);
        }

        LocalDate nextFirstDay() {
            return firstDay.plusDays(Arrays.stream(months).sum() + leapDays);
        }
    }

    private final Map<Integer, Year> years;
    private final Map<Integer, LocalDate> qingming;

    private LunarTable(Map<Integer, Year> years, Map<Integer, LocalDate> qingming) {
        this.years = Map.copyOf(years);
        this.qingming = Map.copyOf(qingming);
    }

    public static LunarTable load() {
        Map<Integer, Year> years = new HashMap<>();
        for (String[] row : rows(LUNAR_YEARS)) {
            int[] months = Arrays.stream(row[2].split(" ")).mapToInt(Integer::parseInt).toArray();
            Year year = new Year(Integer.parseInt(row[0]), LocalDate.parse(row[1]), months, Integer.parseInt(row[3]),
                    Integer.parseInt(row[4]));
            if (months.length != 12 || (year.leapMonth() == 0) != (year.leapDays() == 0)) {
                throw new IllegalStateException(LUNAR_YEARS + ": malformed year " + row[0]);
            }
            years.put(year.year(), year);
        }
        years.values().forEach(year -> {
            Year next = years.get(year.year() + 1);
            if (next != null && !next.firstDay().equals(year.nextFirstDay())) {
                throw new IllegalStateException(LUNAR_YEARS + ": year " + year.year() + " does not end where "
                        + next.year() + " begins");
            }
        });
        Map<Integer, LocalDate> qingming = new HashMap<>();
        for (String[] row : rows(QINGMING)) {
            qingming.put(Integer.parseInt(row[0]), LocalDate.parse(row[1]));
        }
        return new LunarTable(years, qingming);
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = LunarTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> rows.add(line.split("\t")));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the table has the lunar year and the Qingming of this Gregorian year. */
    public boolean covers(int year) {
        return years.containsKey(year) && qingming.containsKey(year);
    }

    /** The Gregorian date of a day in a regular (not leap) month of a lunar year. */
    public LocalDate date(int lunarYear, int month, int day) {
        return year(lunarYear).date(month, day);
    }

    /** The day before 正月初一: 腊月廿九 or 腊月三十, whichever ends the twelfth month. */
    public LocalDate newYearsEve(int lunarYear) {
        return year(lunarYear).firstDay().minusDays(1);
    }

    public LocalDate qingming(int year) {
        LocalDate day = qingming.get(year);
        if (day == null) {
            throw new IllegalArgumentException("no Qingming in the table for " + year);
        }
        return day;
    }

    private Year year(int lunarYear) {
        Year year = years.get(lunarYear);
        if (year == null) {
            throw new IllegalArgumentException("lunar year " + lunarYear + " is not in the table");
        }
        return year;
    }
}
