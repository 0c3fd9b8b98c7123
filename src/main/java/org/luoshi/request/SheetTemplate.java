package org.luoshi.request;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.luoshi.web.RuleViolationException;

/**
 * An Excel template of a request, read and filled with Apache POI. A cell the county named (an Excel
 * defined name) after a measure's code, e.g. {@code CENTRAL_GROUP_SESSIONS}, holds that measure; the
 * ledger fills it, and every other cell is the township's. Files reach here only after the content check.
 */
final class SheetTemplate {

    private SheetTemplate() {
    }

    /** The cells named after measures, by measure (a name over a range means its first cell). */
    static Map<Measure, CellReference> namedCells(byte[] xlsx) {
        try (XSSFWorkbook book = open(xlsx)) {
            Map<Measure, CellReference> cells = new EnumMap<>(Measure.class);
            for (Name name : book.getAllNames()) {
                Measure m = measure(name.getNameName());
                if (m == null || name.isFunctionName() || name.getRefersToFormula() == null) {
                    continue;
                }
                try {
                    cells.put(m, new AreaReference(name.getRefersToFormula(), book.getSpreadsheetVersion()).getFirstCell());
                } catch (IllegalArgumentException notACell) {
                    // a name over a formula or a deleted range (#REF!) names no cell: not a measure's
                }
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with each named cell holding its figure (blank where the ledger has none). */
    static byte[] fill(byte[] template, Map<Measure, BigDecimal> figures) {
        Map<Measure, CellReference> named = namedCells(template);
        try (XSSFWorkbook book = open(template); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            named.forEach((m, ref) -> {
                Cell cell = cell(book, ref, true);
                BigDecimal value = figures.get(m);
                if (value == null) {
                    cell.setBlank();
                } else {
                    cell.setCellValue(value.doubleValue());
                }
            });
            // the township's Excel recomputes its own formulas over the figures
            book.setForceFormulaRecalculation(true);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures in the named cells of a filled copy (null for a blank cell); only the measures named. */
    static Map<Measure, BigDecimal> read(byte[] filled) {
        Map<Measure, CellReference> named = namedCells(filled);
        Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
        try (XSSFWorkbook book = open(filled)) {
            named.forEach((m, ref) -> values.put(m, value(cell(book, ref, false))));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
        }
        if (type == CellType.STRING && !cell.getStringCellValue().isBlank()) {
            try {
                return new BigDecimal(cell.getStringCellValue().strip());
            } catch (NumberFormatException e) {
                throw new RuleViolationException("request.error.sheetNotNumber", cell.getAddress().formatAsString());
            }
        }
        return null;
    }

    private static Cell cell(XSSFWorkbook book, CellReference ref, boolean create) {
        Sheet sheet = ref.getSheetName() == null ? book.getSheetAt(0) : book.getSheet(ref.getSheetName());
        if (sheet == null) {
            return null;
        }
        Row row = sheet.getRow(ref.getRow());
        if (row == null) {
            if (!create) {
                return null;
            }
            row = sheet.createRow(ref.getRow());
        }
        Cell cell = row.getCell(ref.getCol());
        return cell == null && create ? row.createCell(ref.getCol()) : cell;
    }

    private static Measure measure(String name) {
        try {
            return Measure.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static XSSFWorkbook open(byte[] xlsx) throws IOException {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (RuntimeException | IOException e) {
            throw new RuleViolationException("request.error.notXlsx");
        }
    }
}
