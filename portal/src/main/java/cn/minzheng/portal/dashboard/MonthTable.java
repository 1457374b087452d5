package cn.minzheng.portal.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.minzheng.portal.gateway.ApiAnswer;

/**
 * An office's month series as a table: one row per month, one cell per column of its chart, each the figure the
 * office answered for that month (an absent figure is 0: an office leaves out what it did not count).
 */
record MonthTable(Chart chart, ApiAnswer answer, List<Row> rows) {

    record Row(String month, List<Object> cells) {
    }

    static MonthTable of(Chart chart, ApiAnswer answer) {
        List<Row> rows = new ArrayList<>();
        if (answer.ok() && answer.json().get("months") instanceof List<?> months) {
            for (Object month : months) {
                Map<?, ?> entry = (Map<?, ?>) month;
                List<Object> cells = new ArrayList<>();
                for (Chart.Column column : chart.columns()) {
                    cells.add(figure(entry.get("figures"), column.path()));
                }
                rows.add(new Row(String.valueOf(entry.get("month")), cells));
            }
        }
        return new MonthTable(chart, answer, rows);
    }

    private static Object figure(Object figures, String path) {
        Object at = figures;
        for (String step : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return 0;
            }
            at = map.get(step);
        }
        return at instanceof Number number ? number : 0;
    }
}
