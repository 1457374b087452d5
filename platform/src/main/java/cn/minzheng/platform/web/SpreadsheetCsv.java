package cn.minzheng.platform.web;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the platform writes CSV, for files people open in a spreadsheet: RFC 4180 (commons-csv), UTF-8 with a
 * BOM so that Excel reads Chinese, a header row, and every cell neutralised against CSV injection (OWASP): a cell
 * that starts with {@code = + - @}, a tab or a carriage return would be run as a formula, so it is written with a
 * leading single quote, which spreadsheets show as text. Rows are written as they come, so memory does not grow with
 * the file.
 */
public final class SpreadsheetCsv implements Closeable {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    private SpreadsheetCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    public static SpreadsheetCsv open(OutputStream out, List<String> headers) throws IOException {
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(headers.stream().map(SpreadsheetCsv::neutralise).toArray(String[]::new)).get();
        return new SpreadsheetCsv(new CSVPrinter(writer, format));
    }

    /** One row; {@code null} cells stay empty, others are written as text, neutralised. */
    public void row(Object... cells) throws IOException {
        printer.printRecord(Arrays.stream(cells).map(SpreadsheetCsv::neutralise).toArray());
    }

    /** The cell as written: its text, with a leading quote when a spreadsheet would take it for a formula. */
    static String neutralise(Object cell) {
        if (cell == null) {
            return null;
        }
        String text = cell.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
