package org.luoshi.assessment;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BiFunction;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The county dashboard as .xlsx: one row per township with rank, total, categories, change and warnings. */
final class CountyWorkbook {

    private CountyWorkbook() {
    }

    static void write(CountyDashboard.Dashboard dashboard, BiFunction<String, Object[], String> msg, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "Luoshi", "1.0");
        Worksheet sheet = workbook.newWorksheet(msg.apply("assessment.county.sheet", new Object[] {dashboard.year()}));
        int c = 0;
        String[] fixed = {"assessment.county.rank", "assessment.county.township", "assessment.county.total"};
        for (String key : fixed) {
            header(sheet, c++, msg.apply(key, new Object[0]));
        }
        for (String category : dashboard.categories()) {
            header(sheet, c++, category);
        }
        header(sheet, c++, msg.apply("assessment.county.lastYear", new Object[0]));
        header(sheet, c++, msg.apply("assessment.county.change", new Object[0]));
        header(sheet, c, msg.apply("assessment.county.warnings", new Object[0]));
        int r = 1;
        for (CountyDashboard.Row row : dashboard.rows()) {
            int col = 0;
            sheet.value(r, col++, row.rank());
            sheet.value(r, col++, row.township().getName());
            sheet.value(r, col++, row.total());
            for (String category : dashboard.categories()) {
                sheet.value(r, col++, row.categories().get(category));
            }
            if (row.lastYear() != null) {
                sheet.value(r, col, row.lastYear());
                sheet.value(r, col + 1, row.change());
            }
            col += 2;
            sheet.value(r, col, row.warnings());
            r++;
        }
        sheet.width(1, 20);
        if (dashboard.set() != null) {
            indicators(workbook.newWorksheet(msg.apply("assessment.county.indicatorSheet", new Object[0])),
                    dashboard.set().definition(), msg);
        }
        workbook.finish();
    }

    /** Every indicator with its basis and whether it scores: what the totals on the first sheet are made of. */
    private static void indicators(Worksheet sheet, SetDefinition set, BiFunction<String, Object[], String> msg) {
        String[] keys = {"assessment.county.code", "assessment.county.indicator", "assessment.county.category",
            "assessment.county.scored", "assessment.county.weight", "assessment.county.basis",
            "assessment.county.volumeReason"};
        for (int c = 0; c < keys.length; c++) {
            header(sheet, c, msg.apply(keys[c], new Object[0]));
        }
        int r = 1;
        for (IndicatorDefinition d : set.indicators()) {
            sheet.value(r, 0, d.code());
            sheet.value(r, 1, d.name());
            sheet.value(r, 2, d.category());
            sheet.value(r, 3, msg.apply(d.informational() ? "assessment.county.no" : "assessment.county.yes", new Object[0]));
            if (!d.informational()) {
                sheet.value(r, 4, d.weight());
            }
            sheet.value(r, 5, d.basis() == null ? msg.apply("assessment.indicator.noBasis", new Object[0]) : d.basis());
            if (d.volumeReason() != null) {
                sheet.value(r, 6, d.volumeReason());
            }
            r++;
        }
        sheet.value(r + 1, 0, msg.apply("assessment.county.rankedBy", new Object[0]));
        sheet.width(1, 36);
        sheet.width(5, 60);
    }

    private static void header(Worksheet sheet, int c, String text) {
        sheet.value(0, c, text);
        sheet.style(0, c).bold().set();
    }
}
