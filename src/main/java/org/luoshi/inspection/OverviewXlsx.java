package org.luoshi.inspection;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.luoshi.time.Times;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The county overview as .xlsx: rectification rates per unit, then every finding of the filter. */
@Component
class OverviewXlsx {

    private final MessageSource messages;
    private final Times times;

    OverviewXlsx(MessageSource messages, Times times) {
        this.times = times;
        this.messages = messages;
    }

    /** Writes the rates, then the findings as {@code findings} hands them over page by page. */
    void write(List<UnitRate> rates, Pages findings, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Luoshi", "1.0");
        Worksheet rateSheet = workbook.newWorksheet(zh("inspection.overview.ratesSheet"));
        header(rateSheet, "inspection.col.unit", "inspection.col.total", "inspection.col.passed", "inspection.col.open",
                "inspection.col.overdue", "inspection.col.rate");
        int r = 1;
        for (UnitRate rate : rates) {
            rateSheet.value(r, 0, rate.unitName());
            rateSheet.value(r, 1, rate.total());
            rateSheet.value(r, 2, rate.passed());
            rateSheet.value(r, 3, rate.open());
            rateSheet.value(r, 4, rate.overdue());
            if (rate.ratePercent() != null) {
                rateSheet.value(r, 5, rate.ratePercent() / 100.0);
                rateSheet.style(r, 5).format("0%").set();
            } else {
                rateSheet.value(r, 5, "—");
            }
            r++;
        }
        // The rates sheet is complete: write it out, so the findings sheet can be flushed page by page.
        rateSheet.finish();
        Worksheet list = workbook.newWorksheet(zh("inspection.overview.findingsSheet"));
        header(list, "inspection.col.id", "inspection.col.unit", "inspection.col.source", "inspection.col.category",
                "inspection.col.title", "inspection.col.owner", "inspection.col.deadline", "inspection.col.state",
                "inspection.col.urgency", "inspection.col.raisedAt");
        list.width(4, 50);
        int[] next = {1};
        findings.forEach(rows -> {
            for (FindingRow row : rows) {
                writeRow(list, next[0]++, row);
            }
            list.flush();
        });
        workbook.finish();
    }

    /** The findings of the export, one page at a time. */
    interface Pages {
        void forEach(FindingService.PageConsumer consumer) throws IOException;
    }

    private void writeRow(Worksheet list, int r, FindingRow row) {
        Finding f = row.finding();
        list.value(r, 0, f.getId());
        list.value(r, 1, row.unitName());
        list.value(r, 2, zh("inspection.source." + f.getSource()));
        list.value(r, 3, zh("inspection.category." + f.getCategory()));
        list.value(r, 4, f.getTitle());
        list.value(r, 5, row.ownerTitle() + (row.holderName() == null ? "" : "（" + row.holderName() + "）"));
        list.value(r, 6, f.getDeadline().toString());
        list.value(r, 7, zh("inspection.state." + f.getState()));
        list.value(r, 8, zh("inspection.urgency." + row.urgency()));
        list.value(r, 9, times.day(f.getRaisedAt()));
    }

    private void header(Worksheet sheet, String... keys) {
        for (int c = 0; c < keys.length; c++) {
            sheet.value(0, c, zh(keys[c]));
            sheet.style(0, c).bold().set();
        }
        sheet.width(0, 16);
    }

    private String zh(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
