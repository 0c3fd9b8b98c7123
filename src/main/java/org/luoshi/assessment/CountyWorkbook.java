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
        workbook.finish();
    }

    private static void header(Worksheet sheet, int c, String text) {
        sheet.value(0, c, text);
        sheet.style(0, c).bold().set();
    }
}
