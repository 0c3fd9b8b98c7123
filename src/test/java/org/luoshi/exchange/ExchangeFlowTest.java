package org.luoshi.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.evidence.ContentCheck;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.SignedInUser;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.ledger.RecordKind;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/** Templates, imports (preview, confirm, idempotence, errors, scope, bad files) and exports, through the service, API and pages. */
@LuoshiTest
class ExchangeFlowTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @Autowired MockMvc mvc;
    @Autowired ExchangeService exchange;
    @Autowired ExchangeColumns columns;
    @Autowired LedgerService ledger;
    @Autowired RecordKinds kinds;
    @Autowired OrgUnitService units;
    @Autowired UserDetailsService users;
    @Autowired ObjectMapper json;

    RecordKind meeting;
    List<String> headers;
    OrgUnit village;
    DataScope officer;

    @BeforeEach
    void setUp() {
        meeting = kinds.get("MEETING");
        headers = columns.of(meeting).stream().map(ExchangeColumns.Column::header).toList();
        OrgUnit township = units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP).stream()
                .filter(u -> u.getName().equals("柳溪镇")).findFirst().orElseThrow();
        village = units.create(units.systemScope("test"), new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE,
                "导入村" + UUID.randomUUID().toString().substring(0, 8), null, null, 99));
        officer = scope("officer");
    }

    DataScope scope(String username) {
        return ((SignedInUser) users.loadUserByUsername(username)).scope();
    }

    /** A meeting row: values by header, the rest empty. */
    List<Object> row(Object unit, Object date, String title, Map<String, Object> extra) {
        Map<String, Object> byHeader = new HashMap<>();
        byHeader.put("单位", unit);
        byHeader.put("日期", date);
        byHeader.put("标题", title);
        byHeader.put(columns.zh("ledger.field.MEETING.subKind"), "专题会议".equals(extra.get("sub")) ? "专题会议"
                : columns.optionLabel(meeting.field("subKind").orElseThrow(), "THEMATIC"));
        byHeader.put(columns.zh("ledger.field.MEETING.topics"), "研究意识形态工作");
        extra.forEach((k, v) -> {
            if (!k.equals("sub")) {
                byHeader.put(k, v);
            }
        });
        List<Object> row = new ArrayList<>();
        for (String h : headers) {
            row.add(byHeader.get(h));
        }
        return row;
    }

    List<Object> row(String title, Object date) {
        return row(village.getName(), date, title, Map.of());
    }

    byte[] file(List<List<Object>> rows) throws IOException {
        return Xlsx.write(headers, rows);
    }

    ExchangeService.Preview preview(DataScope scope, byte[] file) throws IOException {
        return exchange.preview(scope, meeting, Xlsx.stream(file));
    }

    List<String> titlesIn(OrgUnit unit) {
        return ledger.list(officer, new RecordFilter("MEETING", unit.getId(), null, null, null, null, false), null, 100)
                .records().stream().map(r -> r.title()).toList();
    }

    static String uid() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    // ---- template ----

    @Test
    void templateHasChineseHeadersDropDownsExamplesAndInstructions() throws Exception {
        byte[] file = mvc.perform(get("/api/v1/exchange/templates/meeting").with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(Downloads.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> data = Xlsx.read(file, ExchangeService.DATA_SHEET);
        assertThat(data.get(0)).startsWith("单位", "日期", "结束日期", "标题", "备注", "标签")
                .contains(columns.zh("ledger.field.MEETING.subKind"), columns.zh("ledger.field.MEETING.topics"));
        assertThat(data).hasSize(3);
        assertThat(data.get(1).get(3)).startsWith("【示例】");
        String sheetXml = Xlsx.entry(file, "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).contains("<dataValidation").contains("type=\"list\"");
        List<List<String>> options = Xlsx.read(file, "选项");
        assertThat(options.get(0)).contains("单位", columns.zh("ledger.field.MEETING.subKind"));
        assertThat(options.stream().map(r -> r.get(0)).toList()).contains("柳溪镇").doesNotContain("石桥乡");
        List<List<String>> help = Xlsx.read(file, "说明");
        String text = help.toString();
        assertThat(text).contains("单位 + 台账类别 + 日期 + 标题").contains("2026年5月1日").contains("必填");
    }

    @Test
    void templateOfUnknownKindIs404() throws Exception {
        mvc.perform(get("/api/v1/exchange/templates/nothing").with(TestUsers.as(users, "officer"))).andExpect(status().isNotFound());
    }

    @Test
    void everyKindHasATemplateThatImportsItsOwnExamplesAsNothing() throws Exception {
        for (RecordKind kind : kinds.all()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exchange.template(officer, kind, out);
            assertThatThrownBy(() -> exchange.preview(officer, kind, Xlsx.stream(out.toByteArray())))
                    .isInstanceOf(ExchangeFileException.class).extracting("messageKey").isEqualTo("exchange.file.noRows");
        }
    }

    // ---- import ----

    @Test
    void previewWritesNothingCommitWritesAllAndASecondImportAddsNothing() throws Exception {
        String t = "导入会议" + uid();
        byte[] file = file(List.of(row(t + "一", DAY.toString()), row(t + "二", "2025/3/11"), row(t + "三", "2025年3月12日")));
        ExchangeService.Preview p = preview(officer, file);
        assertThat(p.toAdd()).isEqualTo(3);
        assertThat(p.errors()).isZero();
        assertThat(titlesIn(village)).isEmpty();

        ExchangeService.Result r = exchange.commit(officer, p.id());
        assertThat(r.added()).isEqualTo(3);
        assertThat(titlesIn(village)).containsExactlyInAnyOrder(t + "一", t + "二", t + "三");

        ExchangeService.Preview again = preview(officer, file);
        assertThat(again.toAdd()).isZero();
        assertThat(again.present()).isEqualTo(3);
        assertThat(exchange.commit(officer, again.id()).added()).isZero();
        assertThat(titlesIn(village)).hasSize(3);
    }

    @Test
    void datesInMixedFormatsAndFullWidthDigitsAreUnderstood() throws Exception {
        String t = "日期" + uid();
        BigDecimal serial = BigDecimal.valueOf(DAY.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay());
        byte[] file = file(List.of(row(t + "1", "2025-03-01"), row(t + "2", "2025/3/2"), row(t + "3", "2025年3月3日"),
                row(t + "4", serial), row(t + "5", "２０２５－０３－０５"), row(t + "6", "2025年３月６日")));
        ExchangeService.Preview p = preview(officer, file);
        assertThat(p.errorRows()).isEmpty();
        exchange.commit(officer, p.id());
        Map<String, LocalDate> dates = new HashMap<>();
        ledger.list(officer, new RecordFilter("MEETING", village.getId(), null, null, null, null, false), null, 100).records()
                .forEach(rec -> dates.put(rec.title(), rec.occurredOn()));
        assertThat(dates).containsEntry(t + "1", LocalDate.of(2025, 3, 1)).containsEntry(t + "2", LocalDate.of(2025, 3, 2))
                .containsEntry(t + "3", LocalDate.of(2025, 3, 3)).containsEntry(t + "4", DAY)
                .containsEntry(t + "5", LocalDate.of(2025, 3, 5)).containsEntry(t + "6", LocalDate.of(2025, 3, 6));
    }

    @Test
    void rowsWithErrorsAreListedWithRowNumberAndReasonAndBlockTheCommit() throws Exception {
        String t = "错误" + uid();
        byte[] file = file(List.of(
                row(t + "好", DAY.toString()),
                row(t + "未来", org.luoshi.TestClock.today().plusDays(5).toString()),
                row(village.getName(), "不是日期", t + "坏日期", Map.of()),
                row(village.getName(), DAY.toString(), t + "选项", Map.of(columns.zh("ledger.field.MEETING.subKind"), "茶话会")),
                row(village.getName(), DAY.toString(), "", Map.of()),
                // two faults, one found reading the cell and one by the ledger's check: told together, once
                row(village.getName(), DAY.toString(), "", Map.of(columns.zh("ledger.field.MEETING.subKind"), "茶话会"))));
        ExchangeService.Preview p = preview(officer, file);
        assertThat(p.toAdd()).isEqualTo(1);
        assertThat(p.errors()).isEqualTo(5);
        assertThat(p.errorRows()).extracting(ExchangeService.RowError::row).containsExactly(3, 4, 5, 6, 7);
        String both = p.errorRows().get(4).reason();
        assertThat(both).contains("“茶话会”不在可选值之内").contains("标题：必填").contains("；").doesNotContain("。；")
                .endsWith("。").doesNotContain("。。");
        assertThat(p.errorRows().get(0).reason()).contains("日期").contains("今天");
        assertThat(p.errorRows().get(1).reason()).contains("“不是日期”不是可识别的日期");
        assertThat(p.errorRows().get(2).reason()).contains("“茶话会”不在可选值之内");
        assertThat(p.errorRows().get(3).reason()).contains("标题：必填");

        assertThatThrownBy(() -> exchange.commit(officer, p.id())).isInstanceOf(RuleViolationException.class);
        assertThat(titlesIn(village)).isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.errorFile(officer, p.id(), out);
        List<List<String>> errors = Xlsx.read(out.toByteArray(), null);
        assertThat(errors.get(0)).last().isEqualTo("错误原因");
        assertThat(errors).hasSize(6);
        assertThat(errors.get(2).get(1)).isEqualTo("不是日期");
        assertThat(errors.get(2)).last().asString().contains("不是可识别的日期");
    }

    @Test
    void anErrorInTheLastRowLeavesTheLedgerUnchanged() throws Exception {
        String t = "末行" + uid();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(row(t + i, DAY.toString()));
        }
        rows.add(row(village.getName(), DAY.toString(), t + "坏", Map.of(columns.zh("ledger.field.MEETING.topics"), "x".repeat(2001))));
        ExchangeService.Preview p = preview(officer, file(rows));
        assertThat(p.errors()).isEqualTo(1);
        assertThat(p.errorRows().get(0).row()).isEqualTo(22);
        assertThatThrownBy(() -> exchange.commit(officer, p.id())).isInstanceOf(RuleViolationException.class);
        assertThat(titlesIn(village)).isEmpty();
    }

    @Test
    void aRowThatLeftTheScopeAfterACleanPreviewRefusesTheCommitAcrossChunks() throws Exception {
        String t = "跨块" + uid();
        OrgUnit other = units.create(units.systemScope("test"), new OrgUnitCommand(village.getParentId(), OrgUnitKind.VILLAGE,
                "停用村" + UUID.randomUUID().toString().substring(0, 8), null, null, 99));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(row(t + i, DAY.toString()));
        }
        rows.add(row(other.getName(), DAY.toString(), t + "末", Map.of()));
        exchange.chunkSize(3);
        try {
            ExchangeService.Preview p = preview(officer, file(rows));
            assertThat(p.errors()).isZero();
            assertThat(p.toAdd()).isEqualTo(8);
            // Between preview and confirmation the last row's village moves to another township, out of the
            // officer's scope: the first two chunks (six rows) are written before the commit reaches that row,
            // and must be rolled back with it.
            OrgUnit shiqiao = units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP).stream()
                    .filter(u -> u.getName().equals("石桥乡")).findFirst().orElseThrow();
            units.move(units.systemScope("test"), other.getId(), shiqiao.getId());
            assertThatThrownBy(() -> exchange.commit(officer, p.id())).isInstanceOfSatisfying(RuleViolationException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("exchange.commit.hasErrors"));
            assertThat(titlesIn(village)).isEmpty();
            assertThat(ledger.list(units.systemScope("test"), new RecordFilter("MEETING", other.getId(), null, null, null, null,
                    false), null, 100).records()).isEmpty();
        } finally {
            exchange.chunkSize(ExchangeService.CHUNK);
        }
    }

    @Test
    void aUnitDeactivatedAfterACleanPreviewRefusesTheCommitAndWritesNothing() throws Exception {
        String t = "停用" + uid();
        OrgUnit other = units.create(units.systemScope("test"), new OrgUnitCommand(village.getParentId(), OrgUnitKind.VILLAGE,
                "撤并村" + UUID.randomUUID().toString().substring(0, 8), null, null, 99));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(row(t + i, DAY.toString()));
        }
        rows.add(row(other.getName(), DAY.toString(), t + "末", Map.of()));
        exchange.chunkSize(3);
        try {
            ExchangeService.Preview p = preview(officer, file(rows));
            assertThat(p.errors()).isZero();
            // the village is merged away between preview and confirmation: it takes no new records
            units.setActive(units.systemScope("test"), other.getId(), false);
            assertThatThrownBy(() -> exchange.commit(officer, p.id())).isInstanceOfSatisfying(RuleViolationException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("exchange.commit.changed"));
            assertThat(titlesIn(village)).isEmpty();
            // and a new preview names the reason on the row
            ExchangeService.Preview again = preview(officer, file(rows));
            assertThat(again.errors()).isEqualTo(1);
        } finally {
            exchange.chunkSize(ExchangeService.CHUNK);
        }
    }

    @Test
    void aRowThatBecameADuplicateAfterThePreviewRollsBackTheWholeCommit() throws Exception {
        String t = "并发" + uid();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(row(t + i, DAY.toString()));
        }
        ExchangeService.Preview p = preview(officer, file(rows));
        assertThat(p.toAdd()).isEqualTo(10);
        // Someone records the last row by hand between preview and confirmation.
        ledger.create(officer, "MEETING", new RecordCommand(village.getId(), DAY, null, t + "9", null, List.of(),
                Map.of("subKind", "THEMATIC", "topics", "研究"), List.of()));
        ReflectionTestUtils.setField(exchange, "maxRows", 100000);
        // The commit re-reads the file: the row is now present, so it adds the other nine; a row that becomes a duplicate
        // inside the transaction (checked again per insert) rolls everything back, shown through createAll directly.
        List<RecordCommand> commands = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            commands.add(new RecordCommand(village.getId(), DAY, null, t + i, null, List.of(), Map.of("subKind", "THEMATIC",
                    "topics", "研究"), List.of()));
        }
        assertThatThrownBy(() -> ledger.createAll(officer, "MEETING", commands)).isInstanceOf(RuleViolationException.class);
        assertThat(titlesIn(village)).containsExactly(t + "9");
        ExchangeService.Result r = exchange.commit(officer, p.id());
        assertThat(r.added()).isEqualTo(9);
        assertThat(r.present()).isEqualTo(1);
    }

    @Test
    void repeatedRowsInOneFileAreErrors() throws Exception {
        String t = "重复" + uid();
        ExchangeService.Preview p = preview(officer, file(List.of(row(t, DAY.toString()), row(t, "2025/3/10"))));
        assertThat(p.errorRows()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.reason()).contains("与第 2 行重复");
        });
    }

    @Test
    void scopeOfficerCannotImportIntoAnotherTownshipAndClerkOnlyTheirVillage() throws Exception {
        String t = "范围" + uid();
        ExchangeService.Preview p = preview(officer, file(List.of(row("石桥乡", DAY.toString(), t, Map.of()))));
        assertThat(p.errorRows()).singleElement().extracting(ExchangeService.RowError::reason).asString()
                .contains("“石桥乡”不是您管辖范围内的单位");
        DataScope clerk = scope("clerk");
        ExchangeService.Preview c = preview(clerk, file(List.of(row("柳溪镇", DAY.toString(), t, Map.of()),
                row("柳溪村", DAY.toString(), t, Map.of()))));
        assertThat(c.errorRows()).singleElement().extracting(ExchangeService.RowError::row).isEqualTo(2);
        assertThat(c.toAdd() + c.present()).isEqualTo(1);
        // Another user cannot see or confirm the officer's pending import.
        assertThatThrownBy(() -> exchange.commit(scope("officer2"), p.id())).isInstanceOf(org.luoshi.web.NotFoundException.class);
    }

    @Test
    void formulasAreReadByTheirCachedValues() throws Exception {
        String t = "公式" + uid();
        byte[] plain = file(List.of(row(t, DAY.toString())));
        int col = headers.indexOf("标题");
        String ref = (char) ('A' + col) + "2";
        byte[] withFormula = Xlsx.rewrite(plain, "xl/worksheets/sheet1.xml", xml -> xml.replaceAll(
                "<c r=\"" + ref + "\"[^>]*>.*?</c>", "<c r=\"" + ref + "\" t=\"str\"><f>CONCAT(\"" + t + "\",\"算\")</f><v>" + t
                        + "算</v></c>"));
        assertThat(Xlsx.entry(withFormula, "xl/worksheets/sheet1.xml")).contains("<f>");
        ExchangeService.Preview p = preview(officer, withFormula);
        assertThat(p.newRows()).singleElement().extracting(ExchangeService.RowSummary::title).isEqualTo(t + "算");
    }

    // ---- bad files ----

    void refused(byte[] file, String key) {
        assertThatThrownBy(() -> preview(officer, file)).isInstanceOf(ExchangeFileException.class)
                .extracting("messageKey").isEqualTo(key);
    }

    @Test
    void badFilesAreRefusedWithAClearMessage() throws Exception {
        refused(new byte[0], "exchange.file.empty");
        refused("单位,日期,标题\n柳溪镇,2025-03-01,会议\n".getBytes(StandardCharsets.UTF_8), "exchange.file.notXlsx");
        refused(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}, "exchange.file.notXlsx");
        // OLE compound files, told apart by the stream names in their directory.
        refused(ole("Workbook"), "exchange.file.xls");
        refused(ole("Book"), "exchange.file.xls");
        refused(ole("EncryptionInfo", "EncryptedPackage"), "exchange.file.encrypted");
        // A Word .doc renamed to .xlsx is an OLE file but not a spreadsheet: not called an old Excel file.
        refused(ole("WordDocument", "1Table"), "exchange.file.notXlsx");
        byte[] magicOnly = new byte[4096];
        System.arraycopy(ole("Workbook"), 0, magicOnly, 0, 8);
        refused(magicOnly, "exchange.file.notXlsx");
        // A .docx renamed to .xlsx: a zip that is not a workbook.
        refused(wordLikeZip(), "exchange.file.notXlsx");
        refused(Xlsx.write(List.of("姓名", "电话"), List.of(List.of("张三", "123"))), "exchange.file.missingColumns");
        refused(Xlsx.write(headers, List.of()), "exchange.file.noRows");
    }

    /** An OLE compound file (the container of .xls, .doc and encrypted .xlsx) holding streams of these names. */
    static byte[] ole(String... streams) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            for (String stream : streams) {
                fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), stream);
            }
            fs.writeFilesystem(out);
        }
        return out.toByteArray();
    }

    /** A zip without a workbook (what a .docx renamed to .xlsx is). */
    byte[] wordLikeZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            z.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void zipBombIsRefusedBeforeParsing() throws Exception {
        FileGuard small = new FileGuard(new ContentCheck(1024 * 1024));
        Path bomb = Files.createTempFile("bomb", ".xlsx");
        try {
            Files.write(bomb, Xlsx.withBomb(file(List.of(row("x", DAY.toString()))), 8L * 1024 * 1024));
            assertThat(Files.size(bomb)).isLessThan(200_000);
            assertThatThrownBy(() -> small.check(bomb)).isInstanceOf(ExchangeFileException.class)
                    .extracting("messageKey").isEqualTo("exchange.file.tooLarge");
        } finally {
            Files.deleteIfExists(bomb);
        }
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        try {
            String t = "实体" + uid();
            byte[] plain = file(List.of(row(t, DAY.toString())));
            byte[] xxe = Xlsx.rewrite(plain, "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("<worksheet",
                    "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><worksheet").replace(t, "&x;"));
            refused(xxe, "exchange.file.doctype");
            // Even past our own check, the reader itself refuses DTDs rather than reading the file.
            try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(Xlsx.stream(xxe))) {
                String seen;
                try {
                    seen = wb.getFirstSheet().read().toString();
                } catch (Exception e) {
                    seen = e.toString();
                }
                assertThat(seen).doesNotContain("TOP-SECRET-VALUE");
            }
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void tooManyRowsAreRefused() throws Exception {
        ReflectionTestUtils.setField(exchange, "maxRows", 5);
        try {
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                rows.add(row("多" + i, DAY.toString()));
            }
            refused(file(rows), "exchange.file.tooManyRows");
        } finally {
            ReflectionTestUtils.setField(exchange, "maxRows", 100000);
        }
    }

    // ---- export ----

    @Test
    void exportRoundTripsThroughImport() throws Exception {
        String t = "往返" + uid();
        exchange.commit(officer, preview(officer, file(List.of(row(t + "甲", DAY.toString()), row(t + "乙", "2025-03-09")))).id());
        byte[] exported = mvc.perform(get("/api/v1/exchange/exports/meeting").param("unitId", village.getId().toString())
                        .with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = Xlsx.read(exported, null);
        assertThat(rows.get(0)).isEqualTo(headers);
        assertThat(rows).hasSize(3);
        // Unchanged: everything is present. Edited: the changed title is a new row.
        assertThat(preview(officer, exported).present()).isEqualTo(2);
        List<List<Object>> edited = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            List<Object> copy = new ArrayList<>(r);
            if (copy.get(3).equals(t + "甲")) {
                copy.set(3, t + "丙");
            }
            edited.add(copy);
        }
        ExchangeService.Preview p = preview(officer, Xlsx.write(rows.get(0), edited));
        assertThat(p.errors()).isZero();
        assertThat(p.toAdd()).isEqualTo(1);
        assertThat(p.present()).isEqualTo(1);
    }

    @Test
    void exportRespectsScope() throws Exception {
        mvc.perform(get("/api/v1/exchange/exports/meeting").param("unitId", village.getId().toString())
                .with(TestUsers.as(users, "officer2"))).andExpect(status().isNotFound());
        mvc.perform(get("/exchange/exports/meeting").param("unitId", village.getId().toString())
                .with(TestUsers.as(users, "county"))).andExpect(status().isOk());
    }

    // ---- API and pages ----

    @Test
    void apiUploadPreviewAndCommit() throws Exception {
        String t = "接口" + uid();
        MockMultipartFile upload = new MockMultipartFile("file", "m.xlsx", Downloads.XLSX, file(List.of(row(t, DAY.toString()))));
        String body = mvc.perform(multipart("/api/v1/exchange/imports/meeting").file(upload).with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.toAdd").value(1))
                .andReturn().getResponse().getContentAsString();
        JsonNode preview = json.readTree(body);
        String id = preview.get("id").asText();
        mvc.perform(post("/api/v1/exchange/imports/{id}/commit", id).with(TestUsers.as(users, "officer2")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/exchange/imports/{id}/commit", id).with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(1));
        assertThat(titlesIn(village)).containsExactly(t);
        mvc.perform(post("/api/v1/exchange/imports/{id}/commit", id).with(TestUsers.as(users, "officer")))
                .andExpect(status().isNotFound());
    }

    @Test
    void apiRefusesBadFilesAndReadOnlyRoles() throws Exception {
        MockMultipartFile csv = new MockMultipartFile("file", "m.xlsx", Downloads.XLSX, "a,b".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/exchange/imports/meeting").file(csv).with(TestUsers.as(users, "officer")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(".xlsx")));
        MockMultipartFile good = new MockMultipartFile("file", "m.xlsx", Downloads.XLSX, file(List.of(row("x" + uid(), DAY.toString()))));
        mvc.perform(multipart("/api/v1/exchange/imports/meeting").file(good).with(TestUsers.as(users, "county")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/exchange/imports/meeting").file(good).with(TestUsers.as(users, "leader")))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesUploadPreviewConfirmAndResult() throws Exception {
        String t = "页面" + uid();
        mvc.perform(get("/exchange").with(TestUsers.as(users, "officer"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("upload-form")));
        MockMultipartFile upload = new MockMultipartFile("file", "m.xlsx", Downloads.XLSX,
                file(List.of(row(t, DAY.toString()), row(t + "坏", "坏日期"))));
        String page = mvc.perform(multipart("/exchange/imports").file(upload).param("kind", "MEETING").with(csrf())
                        .with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("新增 1 行").contains("错误 1 行").contains("不是可识别的日期").contains("download-errors")
                .doesNotContain("confirm-import");

        MockMultipartFile bad = new MockMultipartFile("file", "m.xls", "application/vnd.ms-excel", ole("Workbook"));
        mvc.perform(multipart("/exchange/imports").file(bad).param("kind", "MEETING").with(csrf()).with(TestUsers.as(users, "officer")))
                .andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("另存为 .xlsx")));

        MockMultipartFile fine = new MockMultipartFile("file", "m.xlsx", Downloads.XLSX, file(List.of(row(t, DAY.toString()))));
        String ok = mvc.perform(multipart("/exchange/imports").file(fine).param("kind", "MEETING").with(csrf())
                        .with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String id = ok.replaceAll("(?s).*/exchange/imports/([0-9a-f-]{36})/commit.*", "$1");
        mvc.perform(post("/exchange/imports/{id}/commit", id).with(csrf()).with(TestUsers.as(users, "officer")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("result"));
        assertThat(titlesIn(village)).containsExactly(t);
        mvc.perform(multipart("/exchange/imports").file(fine).param("kind", "MEETING").with(csrf())
                .with(TestUsers.as(users, "county"))).andExpect(status().isForbidden());
    }

    @Test
    void ledgerListLinksToExport() throws Exception {
        mvc.perform(get("/ledger/meeting").with(TestUsers.as(users, "officer"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/exchange/exports/meeting")));
    }
}
