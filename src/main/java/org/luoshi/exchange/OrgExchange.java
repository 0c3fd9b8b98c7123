package org.luoshi.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.luoshi.org.DataScope;
import org.luoshi.org.FormCheck;
import org.luoshi.org.Gender;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonCommand;
import org.luoshi.org.PersonService;
import org.luoshi.org.Post;
import org.luoshi.org.PostHolding;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Templates, imports and exports of the org tree and of people with their posts. An org sheet is
 * small (hundreds of rows), so an import simply runs the org module's own services row by row inside
 * one transaction: the preview rolls that transaction back, the confirmation commits it, or rolls it
 * back when any row fails. The checks are therefore exactly those of the forms and services.
 */
@Service
class OrgExchange {

    private final ExchangeService files;
    private final ExchangeColumns columns;
    private final OrgUnitService units;
    private final PersonService people;
    private final PostService posts;
    private final FormCheck forms;
    private final TransactionTemplate transactions;

    OrgExchange(ExchangeService files, ExchangeColumns columns, OrgUnitService units, PersonService people, PostService posts,
            FormCheck forms, PlatformTransactionManager transactionManager) {
        this.files = files;
        this.columns = columns;
        this.units = units;
        this.people = people;
        this.posts = posts;
        this.forms = forms;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    String fileName(OrgSheet sheet, String what) {
        return columns.zh(sheet.labelKey()) + "-" + columns.zh("exchange.file." + what) + ".xlsx";
    }

    // ---- template and export ----

    void template(DataScope scope, OrgSheet sheet, OutputStream out) throws IOException {
        write(scope, sheet, out, false, null);
    }

    /**
     * Every unit below the user's own (org tree), or every person of the user's tree with their current
     * posts; with {@code unitId} (the people page's unit picker) only the people of that unit.
     */
    void export(DataScope scope, OrgSheet sheet, Long unitId, OutputStream out) throws IOException {
        write(scope, sheet, out, true, unitId);
    }

    /** 404 for a unit outside the scope; called before the download starts, so the error page can still be sent. */
    void checkUnit(DataScope scope, Long unitId) {
        if (unitId != null) {
            units.get(scope, unitId);
        }
    }

    private void write(DataScope scope, OrgSheet sheet, OutputStream out, boolean withData, Long onlyUnit) throws IOException {
        List<String> headers = sheet.headers(columns);
        UnitIndex index = new UnitIndex(units.tree(scope));
        Workbook wb = new Workbook(out, "Luoshi", "1.0");
        Worksheet data = wb.newWorksheet(ExchangeService.DATA_SHEET);
        ExchangeService.headerRow(data, headers);
        if (withData) {
            int[] r = {1};
            if (sheet == OrgSheet.UNITS) {
                for (OrgUnit unit : units.tree(scope)) {
                    if (unit.getId() == scope.unitId()) {
                        continue;
                    }
                    values(data, r[0]++, index.path(unit.getParentId()), unit.getName(), columns.zh("org.kind." + unit.getKind()),
                            unit.getRegisteredPopulation());
                }
            } else {
                for (OrgUnit unit : units.tree(scope)) {
                    if (onlyUnit != null && !onlyUnit.equals(unit.getId())) {
                        continue;
                    }
                    for (Person person : people.peopleOf(scope, unit.getId())) {
                        String gender = person.getGender() == null ? null : columns.zh("org.gender." + person.getGender());
                        List<PostHolding> current = people.postsHeld(scope, person.getId()).stream()
                                .filter(PostHolding::isCurrent).toList();
                        if (current.isEmpty()) {
                            values(data, r[0]++, index.path(unit.getId()), person.getName(), gender, person.getPhone(),
                                    person.getNote());
                        }
                        for (PostHolding holding : current) {
                            Optional<Post> post = post(scope, holding.getPostId());
                            String postUnit = post.map(Post::getOrgUnitId).filter(u -> !u.equals(unit.getId()))
                                    .map(index::path).orElse(null);
                            values(data, r[0]++, index.path(unit.getId()), person.getName(), gender, person.getPhone(),
                                    person.getNote(), postUnit, post.map(Post::getTitle).orElse(null),
                                    post.map(p -> columns.zh("org.postKind." + p.getKind())).orElse(null),
                                    holding.getStartDate().toString());
                        }
                    }
                    data.flush();
                }
            }
        }
        // Drop-downs for the columns that take a fixed list, and a sheet that says what each column takes.
        Worksheet options = wb.newWorksheet(columns.zh("exchange.sheet.options"));
        int optionCol = 0;
        for (int c = 0; c < headers.size(); c++) {
            List<String> choices = choices(sheet, sheet.columns().get(c), index);
            if (choices.isEmpty()) {
                continue;
            }
            options.value(0, optionCol, headers.get(c));
            for (int i = 0; i < choices.size(); i++) {
                options.value(i + 1, optionCol, choices.get(i));
            }
            data.range(1, c, 2000, c).validateWithList(options.range(1, optionCol, choices.size(), optionCol))
                    .allowBlank(true).showDropdown(true);
            optionCol++;
        }
        Worksheet help = wb.newWorksheet(columns.zh("exchange.sheet.help"));
        help.width(0, 20);
        help.width(1, 90);
        help.value(0, 0, columns.zh("exchange.org.help.heading", columns.zh(sheet.labelKey())));
        help.style(0, 0).bold().set();
        help.value(2, 0, columns.zh("exchange.help.naturalKey.title"));
        help.value(2, 1, columns.zh("exchange.org.help.key." + sheet.name()));
        for (int c = 0; c < headers.size(); c++) {
            help.value(4 + c, 0, headers.get(c));
            help.value(4 + c, 1, columns.zh("exchange.org.rule." + sheet.columns().get(c)));
        }
        wb.finish();
    }

    private List<String> choices(OrgSheet sheet, String column, UnitIndex index) {
        return switch (column) {
            case "PARENT", "UNIT", "POST_UNIT" -> index.paths();
            // a city or province root imports its counties (and a province its cities) like any other unit;
            // only the province itself is never a row: it is the root, put above the tree by the org pages
            case "KIND" -> Stream.of(OrgUnitKind.values()).filter(k -> k != OrgUnitKind.PROVINCE)
                    .map(k -> columns.zh("org.kind." + k)).toList();
            case "GENDER" -> Stream.of(Gender.values()).map(g -> columns.zh("org.gender." + g)).toList();
            case "POST_KIND" -> Stream.of(PostKind.values()).map(k -> columns.zh("org.postKind." + k)).toList();
            default -> List.of();
        };
    }

    private static void values(Worksheet sheet, int row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Number n) {
                sheet.value(row, c, n);
            } else if (values[c] != null) {
                sheet.value(row, c, values[c].toString());
            }
        }
    }

    private Optional<Post> post(DataScope scope, long postId) {
        try {
            return Optional.of(posts.get(scope, postId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    // ---- import ----

    /** Stores the upload, runs it in a transaction that is rolled back, and reports what a confirmation would do. */
    ExchangeService.Preview preview(DataScope scope, OrgSheet sheet, InputStream upload) throws IOException {
        scope.requireWritable();
        String id = files.store(upload);
        try {
            List<ExchangeService.RowSummary> added = new ArrayList<>();
            List<ExchangeService.RowSummary> present = new ArrayList<>();
            List<ExchangeService.RowError> errors = new ArrayList<>();
            int[] counts = new int[3];
            try (BufferedWriter log = files.errorLog(id)) {
                run(scope, sheet, id, true, outcome -> {
                    ExchangeService.RowSummary summary = new ExchangeService.RowSummary(outcome.row(), outcome.name(), "",
                            outcome.unit());
                    switch (outcome.kind()) {
                        case NEW -> {
                            counts[0]++;
                            if (added.size() < ExchangeService.PREVIEW_LIMIT) {
                                added.add(summary);
                            }
                        }
                        case PRESENT -> {
                            counts[1]++;
                            if (present.size() < ExchangeService.PREVIEW_LIMIT) {
                                present.add(summary);
                            }
                        }
                        case ERROR -> {
                            counts[2]++;
                            if (errors.size() < ExchangeService.PREVIEW_LIMIT) {
                                errors.add(new ExchangeService.RowError(outcome.row(), outcome.name(), outcome.reason()));
                            }
                            ExchangeService.logError(log, outcome.row(), outcome.reason());
                        }
                    }
                });
            }
            files.writeMeta(scope, id, sheet.code());
            return new ExchangeService.Preview(id, sheet.code(), counts[0] + counts[1] + counts[2], counts[0], counts[1],
                    counts[2], added, present, errors);
        } catch (RuntimeException e) {
            files.discard(id);
            throw e;
        } catch (IOException e) {
            files.discard(id);
            throw org.luoshi.web.UploadException.storage(e);
        }
    }

    /** Runs the pending import again and commits it, or rolls back everything when any row fails. */
    ExchangeService.Result commit(DataScope scope, String id) throws IOException {
        scope.requireWritable();
        Properties meta = files.pending(scope, id);
        OrgSheet sheet = OrgSheet.find(meta.getProperty("kind")).orElseThrow(() -> new NotFoundException("Import", id));
        int[] counts = new int[3];
        run(scope, sheet, id, false, outcome -> counts[outcome.kind().ordinal()]++);
        files.discard(id);
        return new ExchangeService.Result(sheet.code(), counts[0], counts[1]);
    }

    enum Kind { NEW, PRESENT, ERROR }

    record Outcome(int row, Kind kind, String name, String unit, String reason) {
    }

    private void run(DataScope scope, OrgSheet sheet, String id, boolean dryRun, java.util.function.Consumer<Outcome> sink)
            throws IOException {
        try {
            transactions.executeWithoutResult(status -> {
                int errors = 0;
                try (ReadableWorkbook book = ExchangeService.open(files.file(id));
                        Stream<Row> rows = book.getFirstSheet().openStream()) {
                    errors = readRows(scope, sheet, rows.iterator(), sink);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (dryRun) {
                    status.setRollbackOnly();
                } else if (errors > 0) {
                    throw new RuleViolationException("exchange.commit.hasErrors", errors);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private int readRows(DataScope scope, OrgSheet sheet, Iterator<Row> it, java.util.function.Consumer<Outcome> sink) {
        List<String> headers = sheet.headers(columns);
        Row first = ExchangeService.next(it);
        if (first == null) {
            throw new ExchangeFileException("exchange.file.noRows");
        }
        int[] map = ExchangeService.mapHeaders(headers, first);
        List<String> missing = sheet.required().stream().filter(c -> map[sheet.index(c)] < 0)
                .map(c -> headers.get(sheet.index(c))).toList();
        if (!missing.isEmpty()) {
            throw new ExchangeFileException("exchange.file.missingColumns", String.join("、", missing));
        }
        UnitIndex index = new UnitIndex(units.tree(scope));
        int count = 0;
        int errors = 0;
        for (Row row = ExchangeService.next(it); row != null; row = ExchangeService.next(it)) {
            Object[] raw = new Object[headers.size()];
            String[] text = new String[headers.size()];
            boolean blank = true;
            for (int c = 0; c < headers.size(); c++) {
                raw[c] = ExchangeService.value(ExchangeService.cell(row, map[c]));
                text[c] = raw[c] instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString()
                        : raw[c] == null ? null : ExchangeColumns.halfWidth(raw[c].toString()).trim();
                blank &= raw[c] == null;
            }
            if (blank) {
                continue;
            }
            if (++count > 10_000) {
                throw new ExchangeFileException("exchange.file.tooManyRows", 10_000);
            }
            Outcome outcome;
            try {
                outcome = sheet == OrgSheet.UNITS ? unitRow(scope, index, row.getRowNum(), raw, text)
                        : personRow(scope, index, row.getRowNum(), raw, text);
            } catch (RuleViolationException e) {
                outcome = error(row.getRowNum(), text, columns.zh(e.messageKey(), e.args()));
            } catch (NotFoundException e) {
                outcome = error(row.getRowNum(), text, columns.zh("exchange.org.error.outside"));
            }
            if (outcome.kind() == Kind.ERROR) {
                errors++;
            }
            sink.accept(outcome);
        }
        if (count == 0) {
            throw new ExchangeFileException("exchange.file.noRows");
        }
        return errors;
    }

    private static Outcome error(int row, String[] text, String reason) {
        return new Outcome(row, Kind.ERROR, text[1], text[0], reason);
    }

    /** "上级单位：…": the column's header, then the reason. */
    private String reason(String column, String key, Object... args) {
        return columns.zh("exchange.org.column." + column) + "：" + columns.zh(key, args);
    }

    /** 上级单位, 单位名称, 类别, 户籍人口: present when the parent already has a unit of that name. */
    private Outcome unitRow(DataScope scope, UnitIndex index, int rowNum, Object[] raw, String[] text) {
        List<String> problems = new ArrayList<>();
        Long parentId = null;
        if (text[0] == null) {
            problems.add(reason("PARENT", "exchange.org.error.required"));
        } else {
            parentId = index.id(text[0]);
            if (parentId == null) {
                problems.add(reason("PARENT", "exchange.error.unknownUnit", text[0]));
            }
        }
        OrgUnitKind kind = text[2] == null ? null : choose(OrgUnitKind.values(), "org.kind.", text[2]);
        if (text[2] != null && kind == null) {
            problems.add(reason("KIND", "exchange.org.error.option", text[2]));
        }
        Integer population = null;
        if (text[3] != null) {
            try {
                population = new BigDecimal(text[3].replace(",", "")).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(reason("POPULATION", "exchange.org.error.number", text[3]));
            }
        }
        if (parentId != null && text[1] != null) {
            Long existing = index.child(parentId, text[1]);
            if (existing != null && problems.isEmpty()) {
                return new Outcome(rowNum, Kind.PRESENT, text[1], text[0], null);
            }
        }
        OrgUnitCommand command = new OrgUnitCommand(parentId, kind, text[1], null, population, 0);
        for (String key : forms.unit(command)) {
            problems.add(columns.zh(key));
        }
        if (!problems.isEmpty()) {
            return error(rowNum, text, ExchangeService.sentence(problems));
        }
        OrgUnit created = units.create(scope, command);
        index.add(created);
        return new Outcome(rowNum, Kind.NEW, text[1], text[0], null);
    }

    /**
     * 单位, 姓名, 性别, 联系电话, 备注, 岗位, 岗位类别, 任职日期. The person is the one of the unit with
     * that name and phone (no phone matches no phone); the post is the unit's post of that title;
     * the holding is added unless the person already holds the post. New when anything was added.
     */
    private Outcome personRow(DataScope scope, UnitIndex index, int rowNum, Object[] raw, String[] text) {
        List<String> problems = new ArrayList<>();
        Long unitId = unit(index, text[0], "UNIT", problems, true);
        Gender gender = text[2] == null ? null : choose(Gender.values(), "org.gender.", text[2]);
        if (text[2] != null && gender == null) {
            problems.add(reason("GENDER", "exchange.org.error.option", text[2]));
        }
        Long postUnitId = text[5] == null ? unitId : unit(index, text[5], "POST_UNIT", problems, false);
        String postTitle = text[6];
        PostKind postKind = text[7] == null ? null : choose(PostKind.values(), "org.postKind.", text[7]);
        if (text[7] != null && postKind == null) {
            problems.add(reason("POST_KIND", "exchange.org.error.option", text[7]));
        }
        LocalDate from = null;
        if (raw[8] != null) {
            try {
                from = ExchangeColumns.date(raw[8]);
            } catch (IllegalArgumentException e) {
                problems.add(reason("FROM", "exchange.error.date", text[8]));
            }
        }
        if (postTitle == null && (postKind != null || from != null || text[5] != null)) {
            problems.add(reason("POST", "exchange.org.error.postMissing"));
        }
        if (!problems.isEmpty() || unitId == null) {
            return error(rowNum, text, ExchangeService.sentence(problems));
        }
        boolean added = false;
        String phone = text[3];
        Person person = people.peopleOf(scope, unitId).stream()
                .filter(p -> p.getName().equals(text[1]) && Objects.equals(blankToNull(p.getPhone()), phone))
                .findFirst().orElse(null);
        if (person == null) {
            PersonCommand command = new PersonCommand(unitId, text[1], gender, phone, text[4]);
            List<String> formProblems = forms.person(command);
            if (!formProblems.isEmpty()) {
                return error(rowNum, text, ExchangeService.sentence(formProblems.stream().map(columns::zh).toList()));
            }
            person = people.create(scope, command);
            added = true;
        }
        if (postTitle != null && postUnitId != null) {
            // Several posts of a unit may share a title (党委委员): the one this person holds, else a vacant one, else the first.
            List<Post> sameTitle = posts.postsOf(scope, postUnitId).stream().filter(p -> p.getTitle().equals(postTitle)).toList();
            Map<Long, Person> holders = posts.currentHolders(sameTitle.stream().map(Post::getId).toList());
            long personId = person.getId();
            Post post = sameTitle.stream().filter(p -> holders.containsKey(p.getId()) && holders.get(p.getId()).getId() == personId)
                    .findFirst()
                    .or(() -> sameTitle.stream().filter(p -> p.isActive() && !holders.containsKey(p.getId())).findFirst())
                    .or(() -> sameTitle.stream().findFirst()).orElse(null);
            if (post == null) {
                PostKind kind = postKind == null ? PostKind.OTHER : postKind;
                List<String> postProblems = forms.post(postUnitId, postTitle, kind);
                if (!postProblems.isEmpty()) {
                    return error(rowNum, text, ExchangeService.sentence(postProblems.stream().map(columns::zh).toList()));
                }
                post = posts.create(scope, postUnitId, postTitle, kind, 0);
                added = true;
            }
            Long holder = posts.currentHolder(post.getId()).map(Person::getId).orElse(null);
            if (!person.getId().equals(holder)) {
                if (from == null) {
                    return error(rowNum, text, reason("FROM", "exchange.org.error.fromRequired"));
                }
                posts.assign(scope, post.getId(), person.getId(), from);
                added = true;
            }
        }
        return new Outcome(rowNum, added ? Kind.NEW : Kind.PRESENT, text[1], text[0], null);
    }

    private Long unit(UnitIndex index, String text, String column, List<String> problems, boolean required) {
        if (text == null) {
            if (required) {
                problems.add(reason(column, "exchange.org.error.required"));
            }
            return null;
        }
        Long id = index.id(text);
        if (id == null) {
            problems.add(reason(column, "exchange.error.unknownUnit", text));
        }
        return id;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * The value whose Chinese label, or code, is the text; a label such as "乡镇（街道）" also matches
     * each of its parts ("乡镇", "街道").
     */
    private <E extends Enum<E>> E choose(E[] values, String prefix, String text) {
        for (E value : values) {
            String label = ExchangeColumns.halfWidth(columns.zh(prefix + value.name()));
            if (value.name().equalsIgnoreCase(text) || label.equals(text)) {
                return value;
            }
            for (String part : label.split("[()（）、,，]")) {
                if (!part.isBlank() && part.trim().equals(text)) {
                    return value;
                }
            }
        }
        return null;
    }

    /** Units of the user's tree by "path of names" from the user's own unit (柳溪镇/柳溪村), or by a name used once. */
    static final class UnitIndex {

        private final Map<Long, String> pathById = new java.util.LinkedHashMap<>();
        private final Map<String, Long> idByPath = new HashMap<>();
        private final Map<String, List<Long>> idsByName = new HashMap<>();

        UnitIndex(List<OrgUnit> tree) {
            for (OrgUnit unit : tree) {
                add(unit);
            }
        }

        void add(OrgUnit unit) {
            String parent = unit.getParentId() == null ? null : pathById.get(unit.getParentId());
            String path = parent == null ? unit.getName() : parent + "/" + unit.getName();
            pathById.put(unit.getId(), path);
            idByPath.put(path, unit.getId());
            idsByName.computeIfAbsent(unit.getName(), n -> new ArrayList<>()).add(unit.getId());
        }

        String path(Long id) {
            return id == null ? null : pathById.get(id);
        }

        Long id(String text) {
            String t = text.trim().replace('／', '/').replaceAll("\\s*/\\s*", "/");
            Long id = idByPath.get(t);
            if (id == null && idsByName.getOrDefault(t, List.of()).size() == 1) {
                id = idsByName.get(t).get(0);
            }
            return id;
        }

        Long child(long parentId, String name) {
            return idByPath.get(pathById.get(parentId) + "/" + name.trim());
        }

        List<String> paths() {
            return List.copyOf(pathById.values());
        }
    }
}
