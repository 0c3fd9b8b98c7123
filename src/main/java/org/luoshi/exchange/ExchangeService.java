package org.luoshi.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.luoshi.exchange.ExchangeColumns.Column;
import org.luoshi.exchange.ExchangeColumns.Common;
import org.luoshi.ledger.FieldDef;
import org.luoshi.ledger.FieldType;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.LedgerValidationException;
import org.luoshi.ledger.NaturalKey;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.ledger.RecordKind;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.ledger.Violation;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.UploadException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Templates, imports and exports of ledger records as .xlsx, for any record kind. An import is
 * checked row by row with the ledger's own rules and kept as a file under the data directory until
 * the user confirms it; the confirmation writes every new row in one transaction or none.
 */
@Service
class ExchangeService {

    static final String DATA_SHEET = "台账";
    private static final int TEMPLATE_ROWS = 2000;
    static final int PREVIEW_LIMIT = 200;

    private final LedgerService ledger;
    private final RecordKinds kinds;
    private final OrgUnitService units;
    private final ExchangeColumns columns;
    private final FileGuard guard;
    private final Path dir;
    private final TransactionTemplate transactions;
    private int maxRows;
    private final Clock clock;

    ExchangeService(LedgerService ledger, RecordKinds kinds, OrgUnitService units, ExchangeColumns columns, FileGuard guard,
            PlatformTransactionManager transactionManager,
            @Value("${luoshi.data-dir}") String dataDir, @Value("${luoshi.exchange.max-rows:100000}") int maxRows, Clock clock) {
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ledger = ledger;
        this.kinds = kinds;
        this.units = units;
        this.columns = columns;
        this.guard = guard;
        this.dir = Path.of(dataDir, "exchange");
        this.maxRows = maxRows;
    }

    RecordKind kind(String code) {
        return kinds.get(code);
    }

    String fileName(RecordKind kind, String what) {
        return columns.zh(kind.labelKey()) + "-" + columns.zh("exchange.file." + what) + ".xlsx";
    }

    // ---- template ----

    void template(DataScope scope, RecordKind kind, OutputStream out) throws IOException {
        List<Column> cols = columns.of(kind);
        UnitNames names = new UnitNames(units.tree(scope));
        Workbook wb = new Workbook(out, "Luoshi", "1.0");
        Worksheet sheet = wb.newWorksheet(DATA_SHEET);
        Worksheet options = wb.newWorksheet(columns.zh("exchange.sheet.options"));
        Worksheet help = wb.newWorksheet(columns.zh("exchange.sheet.help"));
        header(sheet, cols);
        // Each drop-down lists its choices in a column of the options sheet.
        int optionCol = 0;
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            List<String> choices = choices(col, names);
            if (choices == null || choices.isEmpty()) {
                continue;
            }
            options.value(0, optionCol, col.header());
            for (int i = 0; i < choices.size(); i++) {
                options.value(i + 1, optionCol, choices.get(i));
            }
            sheet.range(1, c, TEMPLATE_ROWS, c)
                    .validateWithList(options.range(1, optionCol, choices.size(), optionCol))
                    .allowBlank(true).showDropdown(true).showErrorMessage(true)
                    .errorTitle(columns.zh("exchange.validation.title")).error(columns.zh("exchange.validation.error"));
            optionCol++;
        }
        examples(scope, kind, cols, names, sheet);
        instructions(kind, cols, help);
        wb.finish();
    }

    private List<String> choices(Column col, UnitNames names) {
        if (col.common() == Common.UNIT) {
            return names.names();
        }
        FieldDef f = col.field();
        if (f == null) {
            return null;
        }
        if (f.type() == FieldType.ENUM) {
            return f.options().stream().map(o -> columns.optionLabel(f, o)).toList();
        }
        if (f.type() == FieldType.BOOLEAN) {
            return List.of(columns.yes(), columns.no());
        }
        if (f.type() == FieldType.UNIT) {
            return names.names();
        }
        return null;
    }

    private void header(Worksheet sheet, List<Column> cols) {
        headerRow(sheet, cols.stream().map(Column::header).toList());
        for (int c = 0; c < cols.size(); c++) {
            sheet.width(c, cols.get(c).field() != null && cols.get(c).field().isLongText() ? 40 : 16);
        }
    }

    /** A bold, frozen header row. */
    static void headerRow(Worksheet sheet, List<String> headers) {
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
            sheet.width(c, 16);
        }
        sheet.freezePane(0, 1);
    }

    private void examples(DataScope scope, RecordKind kind, List<Column> cols, UnitNames names, Worksheet sheet) {
        LocalDate day = LocalDate.now(clock).minusDays(1);
        for (int r = 1; r <= 2; r++) {
            for (int c = 0; c < cols.size(); c++) {
                Column col = cols.get(c);
                Object v = col.common() != null ? switch (col.common()) {
                    case UNIT -> names.name(scope.unitId());
                    case OCCURRED_ON -> day.minusDays(r).toString();
                    case OCCURRED_UNTIL -> null;
                    case TITLE -> columns.zh("exchange.example.prefix") + columns.zh("exchange.example.title", r);
                    case NOTES -> null;
                    case TAGS -> null;
                } : example(col.field(), day.minusDays(r));
                if (v != null) {
                    sheet.value(r, c, v.toString());
                }
            }
        }
    }

    private Object example(FieldDef f, LocalDate day) {
        return switch (f.type()) {
            case ENUM -> columns.optionLabel(f, f.options().get(0));
            case BOOLEAN -> columns.no();
            case INTEGER, DECIMAL -> f.min() == null ? "0" : String.valueOf(Math.max(1, f.min()));
            case DATE -> day.toString();
            case TEXT, LONG_TEXT -> f.isRequired() ? columns.zh("exchange.example.text") : null;
            case PERSON, RECORD_REF, UNIT -> null;
        };
    }

    private void instructions(RecordKind kind, List<Column> cols, Worksheet help) {
        help.width(0, 20);
        help.width(1, 80);
        int r = 0;
        help.value(r, 0, columns.zh("exchange.help.heading", columns.zh(kind.labelKey())));
        help.style(r, 0).bold().set();
        r += 2;
        for (String line : List.of("naturalKey", "examples", "dates", "choices", "units", "people", "records", "tags", "limit")) {
            help.value(r, 0, columns.zh("exchange.help." + line + ".title"));
            help.value(r, 1, columns.zh("exchange.help." + line, maxRows));
            r++;
        }
        r++;
        help.value(r, 0, columns.zh("exchange.help.column"));
        help.value(r, 1, columns.zh("exchange.help.rule"));
        help.style(r, 0).bold().set();
        help.style(r, 1).bold().set();
        r++;
        for (Column col : cols) {
            help.value(r, 0, col.header());
            help.value(r, 1, rule(kind, col));
            r++;
        }
    }

    private String rule(RecordKind kind, Column col) {
        if (col.common() != null) {
            String key = "exchange.rule." + col.common().name();
            if (col.common() == Common.OCCURRED_UNTIL && !kind.allowsRange()) {
                key = "exchange.rule.OCCURRED_UNTIL.none";
            }
            return columns.zh(key);
        }
        FieldDef f = col.field();
        String text = columns.zh(f.isRequired() ? "exchange.rule.required" : "exchange.rule.optional") + " "
                + columns.zh("exchange.rule.type." + f.type().name());
        if (f.type() == FieldType.TEXT || f.type() == FieldType.LONG_TEXT) {
            text += " " + columns.zh("exchange.rule.maxLength", f.maxLength());
        }
        if (f.type() == FieldType.ENUM) {
            text += " " + String.join("、", f.options().stream().map(o -> columns.optionLabel(f, o)).toList());
        }
        if (f.defaultValue() != null) {
            String shown = f.type() == FieldType.ENUM ? columns.optionLabel(f, f.defaultValue().toString()) : f.defaultValue().toString();
            text += " " + columns.zh("exchange.rule.default", shown);
        }
        return text;
    }

    // ---- export ----

    /** Every record of the filter, unit by unit in tree order and newest first, written page by page so memory does not grow with the ledger. */
    void export(DataScope scope, RecordKind kind, RecordFilter filter, OutputStream out) throws IOException {
        List<Column> cols = columns.of(kind);
        UnitNames names = new UnitNames(units.tree(scope));
        Map<Long, String> people = new HashMap<>();
        Workbook wb = new Workbook(out, "Luoshi", "1.0");
        Worksheet sheet = wb.newWorksheet(DATA_SHEET);
        header(sheet, cols);
        int[] r = {1};
        ledger.forEachPage(scope, filter.withKind(kind.code()), records -> {
            for (LedgerRecord record : records) {
                for (int c = 0; c < cols.size(); c++) {
                    Object v = cell(cols.get(c), record, names, people);
                    if (v instanceof Number n) {
                        sheet.value(r[0], c, n);
                    } else if (v != null) {
                        sheet.value(r[0], c, v.toString());
                    }
                }
                r[0]++;
            }
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        wb.finish();
    }

    private Object cell(Column col, LedgerRecord record, UnitNames names, Map<Long, String> people) {
        if (col.common() != null) {
            return switch (col.common()) {
                case UNIT -> names.name(record.unitId());
                case OCCURRED_ON -> record.occurredOn();
                case OCCURRED_UNTIL -> record.occurredUntil();
                case TITLE -> record.title();
                case NOTES -> record.notes();
                case TAGS -> record.tags().isEmpty() ? null : String.join(",", record.tags());
            };
        }
        FieldDef f = col.field();
        Object v = record.field(f.name());
        if (v == null) {
            return null;
        }
        return switch (f.type()) {
            case ENUM -> f.options().contains(v.toString()) ? columns.optionLabel(f, v.toString()) : v.toString();
            case BOOLEAN -> Boolean.parseBoolean(v.toString()) ? columns.yes() : columns.no();
            case PERSON -> people.computeIfAbsent(((Number) v).longValue(), ledger::personName);
            case UNIT -> names.name(((Number) v).longValue());
            case INTEGER, DECIMAL, RECORD_REF -> v instanceof Number n ? n : v.toString();
            default -> v.toString();
        };
    }

    // ---- import ----

    /** A row as read and checked. {@code command} is null when the row could not be understood. */
    record Checked(int rowNum, List<String> cells, RecordCommand command, String outcome, String reason) {
        static final String NEW = "NEW";
        static final String PRESENT = "PRESENT";
        static final String ERROR = "ERROR";
    }

    record RowError(int row, String title, String reason) {
    }

    record RowSummary(int row, String title, String occurredOn, String unit) {
    }

    record Preview(String id, String kind, int total, int toAdd, int present, int errors, List<RowSummary> newRows,
            List<RowSummary> presentRows, List<RowError> errorRows) {
    }

    record Result(String kind, int added, int present) implements java.io.Serializable {
    }

    /** Stores the upload under a random id, checks every row and reports what a confirmation would do. */
    Preview preview(DataScope scope, RecordKind kind, InputStream upload) throws IOException {
        scope.requireWritable();
        String id = store(upload);
        Path file = dir.resolve(id + ".xlsx");
        try {
            int[] counts = new int[3];
            List<RowSummary> added = new ArrayList<>();
            List<RowSummary> present = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            try (BufferedWriter errorLog = errorLog(id)) {
                read(scope, kind, file, true, checked -> {
                    String title = checked.command() == null ? null : checked.command().title();
                    switch (checked.outcome()) {
                        case Checked.NEW -> {
                            counts[0]++;
                            if (added.size() < PREVIEW_LIMIT) {
                                added.add(summary(checked));
                            }
                        }
                        case Checked.PRESENT -> {
                            counts[1]++;
                            if (present.size() < PREVIEW_LIMIT) {
                                present.add(summary(checked));
                            }
                        }
                        default -> {
                            counts[2]++;
                            if (errors.size() < PREVIEW_LIMIT) {
                                errors.add(new RowError(checked.rowNum(), title, checked.reason()));
                            }
                            logError(errorLog, checked.rowNum(), checked.reason());
                        }
                    }
                });
            }
            writeMeta(scope, id, kind.code());
            return new Preview(id, kind.code(), counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2], added, present,
                    errors);
        } catch (RuntimeException e) {
            discard(id);
            throw e;
        } catch (IOException e) {
            // The upload is on our disk and checked: what fails now is writing the error log or the metadata.
            discard(id);
            throw UploadException.storage(e);
        }
    }

    /** Copies an upload to a new file under a random id and checks it is a safe .xlsx; the id, or the file is gone. */
    String store(InputStream upload) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw UploadException.storage(e);
        }
        removeAbandoned();
        String id = UUID.randomUUID().toString();
        Path file = dir.resolve(id + ".xlsx");
        try {
            copy(upload, file);
        } catch (RuntimeException | IOException e) {
            // A disk that fills up half-way leaves no partial file behind.
            discard(id);
            throw e;
        }
        try {
            guard.check(file);
        } catch (RuntimeException | IOException e) {
            discard(id);
            throw e;
        }
        return id;
    }

    /** Copies the upload; a failing read is the upload's ({@code IOException}), a failing write the storage's. */
    private static void copy(InputStream upload, Path file) throws IOException {
        OutputStream out = storageWrite(() -> Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW));
        try {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = upload.read(buffer)) > 0) {
                int length = n;
                storageWrite(() -> {
                    out.write(buffer, 0, length);
                    return null;
                });
            }
        } finally {
            // Closing writes the last block: on a full disk this is where it fails.
            storageWrite(() -> {
                out.close();
                return null;
            });
        }
    }

    private interface DiskWrite<T> {
        T run() throws IOException;
    }

    private static <T> T storageWrite(DiskWrite<T> write) {
        try {
            return write.run();
        } catch (IOException e) {
            throw UploadException.storage(e);
        }
    }

    Path file(String id) {
        return dir.resolve(id + ".xlsx");
    }

    /** Who may confirm the pending import, and of what. */
    void writeMeta(DataScope scope, String id, String kindCode) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("kind", kindCode);
        meta.setProperty("username", scope.username());
        meta.setProperty("unitPath", scope.unitPath());
        try (OutputStream out = Files.newOutputStream(dir.resolve(id + ".properties"))) {
            meta.store(out, null);
        } catch (IOException e) {
            throw UploadException.storage(e);
        }
    }

    /** The error log of a pending import: one line per row with errors, row number then reason. */
    BufferedWriter errorLog(String id) throws IOException {
        return storageWrite(() -> Files.newBufferedWriter(dir.resolve(id + ".errors"), StandardCharsets.UTF_8));
    }

    static void logError(BufferedWriter log, int row, String reason) {
        try {
            log.write(row + "\t" + reason.replace('\n', ' ') + "\n");
        } catch (IOException e) {
            throw UploadException.storage(e);
        }
    }

    private static RowSummary summary(Checked c) {
        return new RowSummary(c.rowNum(), c.command().title(), String.valueOf(c.command().occurredOn()), c.cells().get(0));
    }

    /** The pending import of this user, or 404 (also for another user's id). */
    Properties pending(DataScope scope, String id) {
        if (id == null || !id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new NotFoundException("Import", id);
        }
        Path metaFile = dir.resolve(id + ".properties");
        if (!Files.exists(metaFile)) {
            throw new NotFoundException("Import", id);
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaFile)) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!scope.username().equals(meta.getProperty("username")) || !scope.unitPath().equals(meta.getProperty("unitPath"))) {
            throw new NotFoundException("Import", id);
        }
        return meta;
    }

    /**
     * Writes the new rows of a previewed import in one transaction; refuses while any row has an
     * error. The stored file is read again (so nothing of the preview stays in memory) and the rows
     * go to the ledger in batches, all inside the one transaction; the ledger checks each row once
     * as it writes it, so the preview's check is not repeated here.
     */
    Result commit(DataScope scope, String id) throws IOException {
        scope.requireWritable();
        Properties meta = pending(scope, id);
        RecordKind kind = kinds.get(meta.getProperty("kind"));
        int[] counts = new int[3];
        try {
            transactions.executeWithoutResult(status -> {
                List<RecordCommand> batch = new ArrayList<>(chunkSize);
                Runnable write = () -> {
                    int present = ledger.createMissing(scope, kind.code(), batch);
                    counts[1] += present;
                    counts[2] += batch.size() - present;
                    batch.clear();
                };
                try {
                    read(scope, kind, dir.resolve(id + ".xlsx"), false, checked -> {
                        if (Checked.ERROR.equals(checked.outcome())) {
                            counts[0]++;
                        } else if (counts[0] == 0) {
                            batch.add(checked.command());
                            if (batch.size() == chunkSize) {
                                write.run();
                            }
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (counts[0] > 0) {
                    throw new RuleViolationException("exchange.commit.hasErrors", counts[0]);
                }
                write.run();
            });
        } catch (LedgerValidationException e) {
            throw new RuleViolationException("exchange.commit.changed");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        discard(id);
        return new Result(kind.code(), counts[2], counts[1]);
    }

    /** The rows with errors as they were uploaded, plus a 错误原因 column. */
    void errorFile(DataScope scope, String id, OutputStream out) throws IOException {
        Properties meta = pending(scope, id);
        String kindCode = meta.getProperty("kind");
        List<String> headers = OrgSheet.find(kindCode).map(sheet -> sheet.headers(columns))
                .orElseGet(() -> columns.of(kinds.get(kindCode)).stream().map(Column::header).toList());
        Map<Integer, String> reasons = new HashMap<>();
        try (Stream<String> lines = Files.lines(dir.resolve(id + ".errors"), StandardCharsets.UTF_8)) {
            lines.forEach(l -> {
                int tab = l.indexOf('\t');
                reasons.put(Integer.parseInt(l.substring(0, tab)), l.substring(tab + 1));
            });
        }
        Workbook wb = new Workbook(out, "Luoshi", "1.0");
        Worksheet sheet = wb.newWorksheet(DATA_SHEET);
        headerRow(sheet, headers);
        sheet.value(0, headers.size(), columns.zh("exchange.column.reason"));
        sheet.style(0, headers.size()).bold().fillColor("F8D7DA").set();
        sheet.width(headers.size(), 60);
        int[] r = {1};
        try (ReadableWorkbook book = new ReadableWorkbook(dir.resolve(id + ".xlsx").toFile());
                Stream<Row> rows = book.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            int[] map = it.hasNext() ? mapHeaders(headers, it.next()) : new int[0];
            while (it.hasNext()) {
                Row row = it.next();
                String reason = reasons.get(row.getRowNum());
                if (reason == null) {
                    continue;
                }
                for (int c = 0; c < headers.size(); c++) {
                    String text = text(cell(row, map[c]));
                    if (text != null) {
                        sheet.value(r[0], c, text);
                    }
                }
                sheet.value(r[0], headers.size(), reason);
                r[0]++;
            }
        }
        wb.finish();
    }

    /** Previews never confirmed are removed after a day, so the data directory does not fill up. */
    private void removeAbandoned() {
        // File times are real times: compare them with the system clock, not the business clock, which a
        // demonstration may pin to another day.
        java.time.Instant cutoff = java.time.Clock.systemUTC().instant().minus(java.time.Duration.ofDays(1));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // Another request removed it, or it is in use; the next upload tries again.
                }
            });
        } catch (IOException e) {
            // Clean-up is best effort; the upload itself does not depend on it.
        }
    }

    void discard(String id) {
        for (String ext : List.of(".xlsx", ".errors", ".properties")) {
            try {
                Files.deleteIfExists(dir.resolve(id + ext));
            } catch (IOException e) {
                // A left-over temp file is harmless; the next clean-up of the data directory removes it.
            }
        }
    }

    // ---- reading ----

    private int[] mapHeader(List<Column> cols, Row header) {
        return mapHeaders(cols.stream().map(Column::header).toList(), header);
    }

    /** Where each expected header sits in the uploaded header row (-1 when absent); '*' and full-width forms are ignored. */
    static int[] mapHeaders(List<String> headers, Row header) {
        Map<String, Integer> positions = new HashMap<>();
        for (Cell cell : header) {
            String text = cell == null ? null : text(cell);
            if (text != null) {
                positions.putIfAbsent(ExchangeColumns.halfWidth(text).trim().replace("*", ""), cell.getColumnIndex());
            }
        }
        int[] map = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            map[c] = positions.getOrDefault(headers.get(c), -1);
        }
        return map;
    }

    /**
     * Reads the data rows in order and hands each, classified, to the sink. Rows are classified in
     * chunks of {@value #CHUNK}: one ledger call checks a chunk ({@code validate}, for the preview) and
     * one looks up its natural keys, instead of a round trip per row.
     */
    private void read(DataScope scope, RecordKind kind, Path file, boolean validate, Consumer<Checked> sink) throws IOException {
        List<Column> cols = columns.of(kind);
        UnitNames names = new UnitNames(units.tree(scope));
        Map<Long, Map<String, Long>> peopleByUnit = new HashMap<>();
        Map<NaturalKey, Integer> seen = new HashMap<>();
        String examplePrefix = columns.zh("exchange.example.prefix");
        List<Parsed> chunk = new ArrayList<>(chunkSize);
        try (ReadableWorkbook book = open(file); Stream<Row> rows = book.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            Row first = next(it);
            if (first == null) {
                throw new ExchangeFileException("exchange.file.noRows");
            }
            int[] map = mapHeader(cols, first);
            List<String> missing = new ArrayList<>();
            for (int c = 0; c < cols.size(); c++) {
                Column col = cols.get(c);
                // a required field with a default (e.g. a placement's state) may be missing from files made
                // before the field existed: the ledger fills in the default, as for an empty cell
                boolean needed = col.common() == Common.UNIT || col.common() == Common.OCCURRED_ON || col.common() == Common.TITLE
                        || col.field() != null && col.field().isRequired() && col.field().defaultValue() == null;
                if (map[c] < 0 && needed) {
                    missing.add(col.header());
                }
            }
            if (!missing.isEmpty()) {
                throw new ExchangeFileException("exchange.file.missingColumns", String.join("、", missing));
            }
            int count = 0;
            for (Row row = next(it); row != null; row = next(it)) {
                List<Object> values = new ArrayList<>(cols.size());
                boolean blank = true;
                for (int c = 0; c < cols.size(); c++) {
                    Object v = value(cell(row, map[c]));
                    values.add(v);
                    blank &= v == null;
                }
                if (blank) {
                    continue;
                }
                Object title = values.get(Common.TITLE.ordinal());
                if (title != null && title.toString().startsWith(examplePrefix)) {
                    continue;
                }
                if (++count > maxRows) {
                    throw new ExchangeFileException("exchange.file.tooManyRows", maxRows);
                }
                chunk.add(parse(scope, cols, names, peopleByUnit, row.getRowNum(), values));
                if (chunk.size() == chunkSize) {
                    classify(scope, kind, cols, chunk, seen, validate, sink);
                    chunk.clear();
                }
            }
            if (count == 0) {
                throw new ExchangeFileException("exchange.file.noRows");
            }
            classify(scope, kind, cols, chunk, seen, validate, sink);
        }
    }

    /** Rows per ledger call: large, because each natural-key lookup scans the chunk's date range of a unit once. */
    static final int CHUNK = 5000;

    private int chunkSize = CHUNK;

    /** For tests: small chunks, so that a few rows already span several ledger calls. */
    void chunkSize(int rows) {
        this.chunkSize = rows;
    }

    static ReadableWorkbook open(Path file) {
        try {
            return new ReadableWorkbook(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ExchangeFileException("exchange.file.unreadable");
        }
    }

    /** The next row, or null at the end; a sheet the reader cannot parse is an unreadable file. */
    static Row next(Iterator<Row> it) {
        try {
            return it.hasNext() ? it.next() : null;
        } catch (RuntimeException e) {
            if (e instanceof ExchangeFileException) {
                throw e;
            }
            throw new ExchangeFileException("exchange.file.unreadable");
        }
    }

    static Cell cell(Row row, int index) {
        return index < 0 || index >= row.getCellCount() ? null : row.getCell(index);
    }

    /** A cell's value: numbers as BigDecimal, formulas by their cached value, text trimmed, empty as null. */
    static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        Object v = switch (cell.getType()) {
            case NUMBER -> cell.asNumber();
            case BOOLEAN -> cell.asBoolean();
            case FORMULA -> cell.getRawValue();
            case EMPTY -> null;
            default -> cell.getText();
        };
        if (v instanceof String s) {
            s = s.trim();
            return s.isEmpty() ? null : s;
        }
        return v;
    }

    static String text(Cell cell) {
        Object v = value(cell);
        return v instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : v == null ? null : v.toString();
    }

    /** A row as read: its cells as text, the command made of them and what could not be understood. */
    private record Parsed(int rowNum, List<String> cells, RecordCommand command, List<String> problems) {
    }

    private Parsed parse(DataScope scope, List<Column> cols, UnitNames names, Map<Long, Map<String, Long>> peopleByUnit,
            int rowNum, List<Object> values) {
        List<String> problems = new ArrayList<>();
        List<String> cells = values.stream().map(v -> v instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString()
                : v == null ? "" : v.toString()).toList();
        Long unitId = null;
        LocalDate on = null;
        LocalDate until = null;
        String title = null;
        String notes = null;
        List<String> tags = List.of();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            Object raw = values.get(c);
            if (col.common() != null) {
                switch (col.common()) {
                    case UNIT -> {
                        if (raw == null) {
                            problems.add(reason(col, "ledger.error.required"));
                        } else {
                            unitId = names.id(cells.get(c));
                            if (unitId == null) {
                                problems.add(reason(col, "exchange.error.unknownUnit", cells.get(c)));
                            }
                        }
                    }
                    case OCCURRED_ON, OCCURRED_UNTIL -> {
                        try {
                            LocalDate d = ExchangeColumns.date(raw);
                            if (col.common() == Common.OCCURRED_ON) {
                                on = d;
                            } else {
                                until = d;
                            }
                        } catch (IllegalArgumentException e) {
                            problems.add(reason(col, "exchange.error.date", cells.get(c)));
                        }
                    }
                    case TITLE -> title = raw == null ? null : cells.get(c);
                    case NOTES -> notes = raw == null ? null : cells.get(c);
                    case TAGS -> tags = raw == null ? List.of() : List.of(cells.get(c));
                }
            } else if (raw != null) {
                Object converted = convert(col, raw, cells.get(c), unitId, scope, names, peopleByUnit, problems);
                if (converted != null) {
                    fields.put(col.field().name(), converted);
                }
            }
        }
        RecordCommand command = new RecordCommand(unitId, on, until, title, notes, tags, fields, List.of());
        if (unitId == null && problems.isEmpty()) {
            problems.add(reason(cols.get(Common.UNIT.ordinal()), "ledger.error.required"));
        }
        return new Parsed(rowNum, cells, command, problems);
    }

    /**
     * Classifies a chunk of rows, in order: an error (what reading found, then, when {@code validate},
     * the ledger's own check of the whole chunk), a repeat of an earlier row of the file, already
     * present (natural keys looked up for the whole chunk at once), or new.
     */
    private void classify(DataScope scope, RecordKind kind, List<Column> cols, List<Parsed> chunk,
            Map<NaturalKey, Integer> seen, boolean validate, Consumer<Checked> sink) {
        if (validate) {
            // Every row with a known unit goes to the ledger's check too, so that a row's problems are told
            // in one round; a column that reading already faulted is not faulted twice.
            List<Parsed> checkable = chunk.stream().filter(p -> p.command().unitId() != null).toList();
            List<List<Violation>> found = ledger.validateAll(scope, kind.code(), checkable.stream().map(Parsed::command).toList());
            for (int i = 0; i < checkable.size(); i++) {
                List<String> problems = checkable.get(i).problems();
                java.util.Set<String> faulted = problems.stream().map(ExchangeService::column).collect(java.util.stream.Collectors.toSet());
                for (Violation v : found.get(i)) {
                    String reason = reason(cols, v);
                    if (faulted.add(column(reason))) {
                        problems.add(reason);
                    }
                }
            }
        }
        Map<Parsed, NaturalKey> keys = new java.util.IdentityHashMap<>();
        Map<Parsed, Integer> repeats = new java.util.IdentityHashMap<>();
        for (Parsed p : chunk) {
            RecordCommand c = p.command();
            if (!p.problems().isEmpty() || c.occurredOn() == null || c.title() == null || c.title().isBlank()) {
                continue;
            }
            NaturalKey key = new NaturalKey(c.unitId(), c.occurredOn(), c.title());
            Integer earlier = seen.putIfAbsent(key, p.rowNum());
            if (earlier != null) {
                repeats.put(p, earlier);
            } else {
                keys.put(p, key);
            }
        }
        // The confirmation leaves the lookup to LedgerService.createMissing, inside its transaction.
        java.util.Set<NaturalKey> present = keys.isEmpty() || !validate ? java.util.Set.of()
                : ledger.existing(kind.code(), keys.values());
        for (Parsed p : chunk) {
            if (!p.problems().isEmpty()) {
                sink.accept(new Checked(p.rowNum(), p.cells(), p.command(), Checked.ERROR, sentence(p.problems())));
            } else if (repeats.containsKey(p)) {
                sink.accept(new Checked(p.rowNum(), p.cells(), p.command(), Checked.ERROR,
                        columns.zh("exchange.error.repeated", repeats.get(p))));
            } else if (keys.get(p) != null && present.contains(keys.get(p))) {
                sink.accept(new Checked(p.rowNum(), p.cells(), p.command(), Checked.PRESENT, null));
            } else {
                sink.accept(new Checked(p.rowNum(), p.cells(), p.command(), Checked.NEW, null));
            }
        }
    }

    private Object convert(Column col, Object raw, String text, Long unitId, DataScope scope, UnitNames names,
            Map<Long, Map<String, Long>> peopleByUnit, List<String> problems) {
        FieldDef f = col.field();
        String normal = ExchangeColumns.halfWidth(text).trim();
        switch (f.type()) {
            case ENUM -> {
                for (String option : f.options()) {
                    if (option.equals(normal) || columns.optionLabel(f, option).equals(normal)) {
                        return option;
                    }
                }
                problems.add(reason(col, "exchange.error.option", text));
                return null;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (normal.equals(columns.yes())) {
                    return true;
                }
                if (normal.equals(columns.no())) {
                    return false;
                }
                return normal;
            }
            case DATE -> {
                try {
                    return ExchangeColumns.date(raw instanceof BigDecimal ? raw : normal);
                } catch (IllegalArgumentException e) {
                    problems.add(reason(col, "exchange.error.date", text));
                    return null;
                }
            }
            case INTEGER, DECIMAL, RECORD_REF -> {
                return raw instanceof BigDecimal n ? n : normal.replace(",", "");
            }
            case UNIT -> {
                Long id = names.id(normal);
                if (id == null) {
                    problems.add(reason(col, "exchange.error.unknownUnit", text));
                }
                return id;
            }
            case PERSON -> {
                if (normal.matches("\\d+")) {
                    return Long.valueOf(normal);
                }
                if (unitId == null) {
                    return null;
                }
                Map<String, Long> people = peopleByUnit.computeIfAbsent(unitId, u -> {
                    Map<String, Long> m = new HashMap<>();
                    for (Person p : ledger.peopleFor(scope, u)) {
                        m.putIfAbsent(p.getName(), p.getId());
                    }
                    return m;
                });
                Long id = people.get(normal);
                if (id == null) {
                    problems.add(reason(col, "exchange.error.unknownPerson", text));
                }
                return id;
            }
            default -> {
                return ExchangeColumns.halfWidth(text);
            }
        }
    }

    /** The column a reason ("单位：必填。") is about. */
    private static String column(String reason) {
        int colon = reason.indexOf('：');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    /** A row's reasons as one sentence: "单位：必填；媒体级别：……。", not "必填。；". */
    static String sentence(List<String> reasons) {
        return String.join("；", reasons.stream().map(r -> r.endsWith("。") ? r.substring(0, r.length() - 1) : r).toList()) + "。";
    }

    private String reason(Column col, String key, Object... args) {
        return col.header() + "：" + columns.zh(key, args);
    }

    private String reason(List<Column> cols, Violation v) {
        String header = switch (v.field()) {
            case "unitId" -> cols.get(Common.UNIT.ordinal()).header();
            case "occurredOn" -> cols.get(Common.OCCURRED_ON.ordinal()).header();
            case "occurredUntil" -> cols.get(Common.OCCURRED_UNTIL.ordinal()).header();
            case "title" -> cols.get(Common.TITLE.ordinal()).header();
            case "notes" -> cols.get(Common.NOTES.ordinal()).header();
            case "tags" -> cols.get(Common.TAGS.ordinal()).header();
            default -> cols.stream().filter(c -> c.field() != null && v.field().equals("fields." + c.field().name()))
                    .map(Column::header).findFirst().orElse(v.field());
        };
        return header + "：" + columns.zh(v.messageKey(), v.args());
    }

    /** Fails (404) before any byte is written when the filter names a unit outside the scope. */
    void checkFilter(DataScope scope, RecordFilter filter) {
        ledger.list(scope, filter, null, 1);
    }
}
