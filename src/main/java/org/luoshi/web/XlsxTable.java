package org.luoshi.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A list view written as one .xlsx sheet straight into the response: a header row from message keys
 * (the list page's own column names) and then rows. FastExcel streams, and {@link #flush()} after each
 * page hands the rows written so far to the response, so a large list never sits in memory.
 */
public final class XlsxTable {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Workbook workbook;
    private final Worksheet sheet;
    private final MessageSource messages;
    private final Locale locale;
    private int row = 1;

    private XlsxTable(OutputStream out, MessageSource messages, Locale locale, List<String> headers) {
        this.messages = messages;
        this.locale = locale;
        this.workbook = new Workbook(out, "Luoshi", "1.0");
        this.sheet = workbook.newWorksheet(text("export.sheet"));
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, text(headers.get(c)));
            sheet.style(0, c).bold().set();
            sheet.width(c, 18);
        }
    }

    /**
     * Starts the download: content type, an attachment named after {@code fileNameKey} (resolved in the
     * user's locale, dated {@code today}, the business date from the clock) and the header row of the given message keys.
     */
    public static XlsxTable start(HttpServletResponse response, MessageSource messages, LocalDate today, String fileNameKey,
            String... headerKeys) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        String name = messages.getMessage(fileNameKey, null, fileNameKey, locale) + "-" + today + ".xlsx";
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        return new XlsxTable(response.getOutputStream(), messages, locale, List.of(headerKeys));
    }

    /** A message of the user's locale, for cells that show a label (kind, status) as the page does. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** One row; numbers stay numbers, dates are written as yyyy-MM-dd text like the pages show them, null is empty. */
    public XlsxTable row(Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                sheet.value(row, c, n);
            } else if (v instanceof Boolean b) {
                sheet.inlineString(row, c, text(b ? "common.yes" : "common.no"));
            } else if (v != null) {
                // Inline, not shared: FastExcel keeps the shared-string table in memory until the end,
                // which would grow with every distinct text of a long list (audit details, titles).
                sheet.inlineString(row, c, v.toString());
            }
        }
        row++;
        return this;
    }

    /** Hands the rows written so far to the response (call after each page of a large list). */
    public void flush() throws IOException {
        sheet.flush();
    }

    /** Closes the workbook; the download is complete. */
    public void finish() throws IOException {
        workbook.finish();
    }
}
