package org.luoshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.test.web.servlet.MvcResult;

/** A list export as the user gets it: checks it is an .xlsx attachment and reads its first sheet back as text. */
public final class XlsxDownload {

    private XlsxDownload() {
    }

    /** Rows of the first sheet, the header row first; cells as text, numbers without trailing zeros. */
    public static List<List<String>> rows(MvcResult result) throws IOException {
        assertThat(result.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            List<List<String>> rows = new ArrayList<>();
            try (Stream<Row> stream = wb.getFirstSheet().openStream()) {
                stream.forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        Object v = cell == null ? null : cell.getValue();
                        cells.add(v == null ? "" : v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString());
                    }
                    rows.add(cells);
                });
            }
            return rows;
        }
    }

    /** One column of the data rows (header row left out). */
    public static List<String> column(List<List<String>> rows, int column) {
        return rows.stream().skip(1).map(r -> column < r.size() ? r.get(column) : "").toList();
    }
}
