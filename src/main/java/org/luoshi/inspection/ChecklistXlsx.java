package org.luoshi.inspection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.luoshi.exchange.ExchangeFileException;
import org.luoshi.exchange.FileGuard;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A checklist as an .xlsx sheet, one item per row, the same columns in and out so that an exported
 * file imports unchanged. Import checks every row and reports all bad rows at once.
 */
@Component
class ChecklistXlsx {

    /**
     * Headers and category labels are always Chinese, from the zh_CN bundle whatever the user's locale,
     * so that a file exported by one user imports for another.
     */
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** The message keys of the columns, in order; the header row of an import must name them like this. */
    private static final List<String> COLUMN_KEYS = List.of("inspection.item.no", "inspection.item.title",
            "inspection.item.guidance", "inspection.item.expectedEvidence", "inspection.item.category");

    private static final int MAX_ROWS = 500;

    private final MessageSource messages;
    private final FileGuard guard;

    ChecklistXlsx(MessageSource messages, FileGuard guard) {
        this.messages = messages;
        this.guard = guard;
    }

    /** The column headers, in order. */
    List<String> columns() {
        return COLUMN_KEYS.stream().map(key -> messages.getMessage(key, null, ZH)).toList();
    }

    private Map<FindingCategory, String> categoryLabels() {
        Map<FindingCategory, String> labels = new java.util.EnumMap<>(FindingCategory.class);
        for (FindingCategory category : FindingCategory.values()) {
            labels.put(category, messages.getMessage("inspection.category." + category.name(), null, ZH));
        }
        return labels;
    }

    void write(String sheetName, List<ChecklistItem> items, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Luoshi", "1.0");
        Worksheet sheet = workbook.newWorksheet(safeSheetName(sheetName));
        List<String> columns = columns();
        Map<FindingCategory, String> labels = categoryLabels();
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c));
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
        }
        sheet.width(0, 8);
        sheet.width(1, 40);
        sheet.width(2, 50);
        sheet.width(3, 40);
        sheet.width(4, 12);
        int r = 1;
        for (ChecklistItem item : items) {
            sheet.value(r, 0, item.getItemNo());
            sheet.value(r, 1, item.getTitle());
            sheet.value(r, 2, item.getGuidance());
            sheet.value(r, 3, item.getExpectedEvidence());
            sheet.value(r, 4, labels.get(item.getCategory()));
            r++;
        }
        workbook.finish();
    }

    /** The items of the file, or a {@link ChecklistImportException} listing every problem. */
    List<ItemCommand> read(Path file) {
        // The same checks as the ledger exchange (zip bomb, DOCTYPE, .xls, password) before FastExcel sees the file.
        try {
            guard.check(file);
        } catch (ExchangeFileException e) {
            // "Not an xlsx" in the exchange's words speaks of its template; a checklist has its own message.
            String message = e.messageKey().equals("exchange.file.notXlsx")
                    ? msg("inspection.import.notXlsx") : msg(e.messageKey(), e.args());
            throw new ChecklistImportException(List.of(message));
        } catch (IOException e) {
            throw new ChecklistImportException(List.of(msg("inspection.import.notXlsx")));
        }
        List<String> errors = new ArrayList<>();
        List<ItemCommand> items = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        List<String> columns = columns();
        Map<FindingCategory, String> labels = categoryLabels();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            boolean[] header = {false};
            int[] dataRows = {0};
            rows.forEach(row -> {
                if (!header[0]) {
                    header[0] = true;
                    checkHeader(row, columns, errors);
                    return;
                }
                if (isBlank(row, columns.size())) {
                    return;
                }
                // A longer file is refused as a whole: silently importing its first rows would lose items.
                if (++dataRows[0] > MAX_ROWS) {
                    throw new ChecklistImportException(List.of(msg("inspection.import.tooManyRows", MAX_ROWS)));
                }
                readRow(row, labels, numbers, items, errors);
            });
            if (!header[0]) {
                errors.add(msg("inspection.import.empty"));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ChecklistImportException cie) {
                throw cie;
            }
            throw new ChecklistImportException(List.of(msg("inspection.import.notXlsx")));
        }
        if (errors.isEmpty() && items.isEmpty()) {
            errors.add(msg("inspection.import.empty"));
        }
        if (!errors.isEmpty()) {
            throw new ChecklistImportException(errors);
        }
        return items;
    }

    private void checkHeader(Row row, List<String> columns, List<String> errors) {
        for (int c = 0; c < 4; c++) {
            if (!columns.get(c).equals(text(row, c))) {
                errors.add(msg("inspection.import.badHeader", String.join("、", columns)));
                return;
            }
        }
    }

    private void readRow(Row row, Map<FindingCategory, String> labels, Set<String> numbers, List<ItemCommand> items, List<String> errors) {
        int n = row.getRowNum();
        List<String> problems = new ArrayList<>();
        String itemNo = text(row, 0);
        String title = text(row, 1);
        String guidance = text(row, 2);
        String evidence = text(row, 3);
        String categoryText = text(row, 4);
        if (itemNo.endsWith(".0") && itemNo.length() > 2) {
            itemNo = itemNo.substring(0, itemNo.length() - 2);
        }
        if (itemNo.isEmpty()) {
            problems.add(msg("inspection.import.itemNoRequired"));
        } else if (itemNo.length() > 20) {
            problems.add(msg("inspection.import.itemNoTooLong", 20));
        } else if (!numbers.add(itemNo)) {
            problems.add(msg("inspection.import.itemNoDuplicate", itemNo));
        }
        if (title.isEmpty()) {
            problems.add(msg("inspection.import.titleRequired"));
        } else if (title.length() > 200) {
            problems.add(msg("inspection.import.titleTooLong", 200));
        }
        if (guidance.length() > 1000) {
            problems.add(msg("inspection.import.guidanceTooLong", 1000));
        }
        if (evidence.length() > 500) {
            problems.add(msg("inspection.import.evidenceTooLong", 500));
        }
        FindingCategory category = FindingCategory.OTHER;
        if (!categoryText.isEmpty()) {
            category = category(labels, categoryText);
            if (category == null) {
                problems.add(msg("inspection.import.badCategory", categoryText,
                        String.join("、", labels.values().stream().sorted().toList())));
            }
        }
        if (problems.isEmpty()) {
            items.add(new ItemCommand(itemNo, title, blankToNull(guidance), blankToNull(evidence), category, null));
        } else {
            errors.add(msg("inspection.import.rowError", n, String.join("；", problems)));
        }
    }

    private static FindingCategory category(Map<FindingCategory, String> labels, String text) {
        for (Map.Entry<FindingCategory, String> e : labels.entrySet()) {
            if (e.getValue().equals(text) || e.getKey().name().equalsIgnoreCase(text)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static boolean isBlank(Row row, int columns) {
        for (int c = 0; c < columns; c++) {
            if (!text(row, c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int column) {
        if (column >= row.getCellCount()) {
            return "";
        }
        return row.getOptionalCell(column).map(Cell::getText).map(String::strip).orElse("");
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String safeSheetName(String name) {
        String cleaned = name == null ? "checklist" : name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        if (cleaned.isEmpty()) {
            cleaned = "checklist";
        }
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    private String msg(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }
}
