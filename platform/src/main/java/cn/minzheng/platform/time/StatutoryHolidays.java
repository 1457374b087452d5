package cn.minzheng.platform.time;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statutory days (全体公民放假的节日) of 全国年节及纪念日放假办法 as in force in each year. They are holidays in
 * every year by law, whether or not the State Council's yearly notice is out; the notice only adds bridging days
 * and make-up workdays around them. Each amendment took effect on a 1 January, so the law of a day is the law of
 * its year.
 */
final class StatutoryHolidays {

    /** The versions of the law, each from its first year. */
    enum Law {
        /** 1999 version: New Year 1 day, Spring Festival 初一-初三, Labour Day and National Day 3 days each. */
        OF_1999(2000),
        /** 2007 amendment, from 2008: Spring Festival 除夕-初二, Labour Day 1 day, plus Qingming, 端午 and 中秋. */
        OF_2008(2008),
        /** 2013 amendment, from 2014: Spring Festival 初一-初三. */
        OF_2014(2014),
        /** 2024 amendment, from 2025: Spring Festival 除夕-初三, Labour Day May 1-2. */
        OF_2025(2025);

        final int firstYear;

        Law(int firstYear) {
            this.firstYear = firstYear;
        }

        static Law inForce(int year) {
            Law law = OF_1999;
            for (Law candidate : values()) {
                if (year >= candidate.firstYear) {
                    law = candidate;
                }
            }
            return law;
        }

        /** The year it was adopted or last amended, as the law is cited ("2025" for the 2024 amendment). */
        String cited() {
            return Integer.toString(firstYear);
        }
    }

    static final int FIRST_YEAR = 2000;

    private final LunarTable lunar;

    StatutoryHolidays(LunarTable lunar) {
        this.lunar = lunar;
    }

    boolean covers(int year) {
        return year >= FIRST_YEAR && lunar.covers(year);
    }

    /** The statutory days of a Gregorian year, each with the festival it belongs to, in date order. */
    Map<LocalDate, String> of(int year) {
        Law law = Law.inForce(year);
        Map<LocalDate, String> days = new LinkedHashMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦");
        springFestival(year, law, days);
        if (law != Law.OF_1999) {
            days.put(lunar.qingming(year), "清明节");
            days.put(lunar.date(year, 5, 5), "端午节");
            days.put(lunar.date(year, 8, 15), "中秋节");
        }
        int labourDays = switch (law) {
            case OF_1999 -> 3;
            case OF_2008, OF_2014 -> 1;
            case OF_2025 -> 2;
        };
        range(days, year, MonthDay.of(5, 1), labourDays, "劳动节");
        range(days, year, MonthDay.of(10, 1), 3, "国庆节");
        Map<LocalDate, String> sorted = new LinkedHashMap<>();
        days.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(day -> sorted.put(day.getKey(), day.getValue()));
        return sorted;
    }

    /**
     * The Spring Festival days that fall in this Gregorian year. 除夕 is the last day of the previous lunar year and
     * may fall in January of the same Gregorian year as 初一 (never in the year before: 初一 is on or after Jan 21).
     */
    private void springFestival(int year, Law law, Map<LocalDate, String> days) {
        LocalDate firstDay = lunar.date(year, 1, 1);
        boolean eve = law == Law.OF_2008 || law == Law.OF_2025;
        int lastDay = law == Law.OF_2008 ? 2 : 3;
        if (eve) {
            days.put(lunar.newYearsEve(year), "春节");
        }
        for (int d = 0; d < lastDay; d++) {
            days.put(firstDay.plusDays(d), "春节");
        }
    }

    private static void range(Map<LocalDate, String> days, int year, MonthDay first, int count, String name) {
        for (int d = 0; d < count; d++) {
            days.put(first.atYear(year).plusDays(d), name);
        }
    }
}
