package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.evidence.ContentCheck;
import org.luoshi.exchange.FileGuard;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Checklist .xlsx: export and import round-trip; a file with bad rows is refused with one message per row. */
class ChecklistXlsxTest {

    static final List<String> HEADERS = List.of("序号", "检查项目", "检查指引", "应备佐证", "类别");

    ChecklistXlsx xlsx;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/inspection", "i18n/exchange");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        // A small limit, so that a zip bomb of a few MB shows the guard at work.
        xlsx = new ChecklistXlsx(messages, new FileGuard(new ContentCheck(1024 * 1024)));
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** Reads the file the way an upload is read: from a temporary file on disk. */
    List<ItemCommand> read(byte[] content) throws IOException {
        Path file = Files.createTempFile("checklist-test", ".xlsx");
        try {
            Files.write(file, content);
            return xlsx.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The workbook with its first sheet's XML edited and, if padding > 0, an entry of that many zero bytes added. */
    static byte[] rezip(byte[] xlsx, java.util.function.UnaryOperator<String> sheetXml, int padding) throws IOException {
        Path file = Files.createTempFile("checklist-test", ".zip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Files.write(file, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile());
                    java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
                for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                    byte[] data = zip.getInputStream(e).readAllBytes();
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        data = sheetXml.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    z.write(data);
                    z.closeEntry();
                }
                if (padding > 0) {
                    z.putNextEntry(new java.util.zip.ZipEntry("xl/media/padding.bin"));
                    z.write(new byte[padding]);
                    z.closeEntry();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return out.toByteArray();
    }

    /** An OLE compound file (the container of .xls and .doc) holding one stream of the given name. */
    static byte[] ole(String streamName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), streamName);
            fs.writeFilesystem(out);
        }
        return out.toByteArray();
    }

    /** Writes a sheet: the first row is the header, then the rows as given. */
    static byte[] sheet(List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("清单");
        for (int c = 0; c < HEADERS.size(); c++) {
            ws.value(0, c, HEADERS.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (v != null) {
                    ws.value(r + 1, c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    static ChecklistItem item(String no, String title, String guidance, String evidence, FindingCategory category) {
        ChecklistItem item = new ChecklistItem(1L, 1);
        item.describe(new ItemCommand(no, title, guidance, evidence, category, null));
        return item;
    }

    @Test
    void exportThenImportGivesTheSameItems() throws IOException {
        List<ChecklistItem> items = List.of(
                item("1", "领导小组健全", "查文件", "领导小组文件", FindingCategory.LEADERSHIP),
                item("2.1", "中心组研讨", null, "发言材料", FindingCategory.STUDY),
                item("3", "阵地巡查", "实地查看", null, FindingCategory.POSITION));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.write("清单/测试", items, out);

        List<ItemCommand> read = read(out.toByteArray());

        assertThat(read).containsExactly(
                new ItemCommand("1", "领导小组健全", "查文件", "领导小组文件", FindingCategory.LEADERSHIP, null),
                new ItemCommand("2.1", "中心组研讨", null, "发言材料", FindingCategory.STUDY, null),
                new ItemCommand("3", "阵地巡查", "实地查看", null, FindingCategory.POSITION, null));
    }

    @Test
    void numericItemNumbersAndBlankRowsAreAccepted() throws IOException {
        List<ItemCommand> read = read(sheet(List.of(
                List.of(1, "第一项"),
                List.of(),
                List.of(2, "第二项", "指引", "佐证", "其他"))));
        assertThat(read).extracting(ItemCommand::itemNo).containsExactly("1", "2");
        assertThat(read.get(1).category()).isEqualTo(FindingCategory.OTHER);
    }

    @Test
    void everyBadRowIsReportedByNumberAndNothingIsReturned() throws IOException {
        byte[] file = sheet(List.of(
                List.of("1", "正确的一行"),
                java.util.Arrays.asList(null, "缺序号"),
                List.of("3", ""),
                List.of("1", "序号重复"),
                List.of("5", "类别不对", "", "", "不存在的类别"),
                List.of("6", "标题过长" + "很".repeat(200))));

        assertThatThrownBy(() -> read(file))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors()).containsExactly(
                        "第3行：序号不能为空",
                        "第4行：检查项目不能为空",
                        "第5行：序号“1”重复",
                        "第6行：类别“不存在的类别”无效，可选：其他、台账资料、宣传报道、理论学习、舆情处置、阵地管理、领导责任",
                        "第7行：检查项目不能超过200个字"));
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> read("序号,检查项目\n1,a\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors())
                        .containsExactly("上传的文件不是 Excel（.xlsx）文件，请另存为 .xlsx 后再上传。"));
        // A zip that is not a workbook.
        assertThatThrownBy(() -> read(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0}))
                .isInstanceOf(ChecklistImportException.class);
    }

    @Test
    void aWrongHeaderAndAnEmptySheetAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("x");
        ws.value(0, 0, "编号");
        ws.value(0, 1, "内容");
        ws.value(1, 0, "1");
        ws.value(1, 1, "a");
        wb.finish();
        assertThatThrownBy(() -> read(out.toByteArray()))
                .isInstanceOfSatisfying(ChecklistImportException.class,
                        e -> assertThat(e.errors().get(0)).startsWith("第1行表头不对"));
        assertThatThrownBy(() -> read(sheet(List.of())))
                .isInstanceOfSatisfying(ChecklistImportException.class,
                        e -> assertThat(e.errors()).containsExactly("文件中没有检查项目。"));
    }

    @Test
    void aFileWithMoreRowsThanTheLimitIsRefusedAsAWhole() throws IOException {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            rows.add(List.of(i, "第" + i + "项"));
        }
        assertThat(read(sheet(rows))).hasSize(500);

        rows.add(List.of(501, "第501项"));
        assertThatThrownBy(() -> read(sheet(rows)))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors())
                        .containsExactly("文件超过 500 行检查项目，请拆分成几份清单分别导入。"));
    }

    @Test
    void theExchangeFileChecksRunBeforeTheReader() throws IOException {
        // A zip bomb: a valid sheet plus an entry that unpacks to 8 MB (the guard here allows 1 MB).
        byte[] bomb = rezip(sheet(List.of(List.of("1", "第一项"))), xml -> xml, 8 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> read(bomb))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors())
                        .containsExactly("文件解压后超过 1 MB，已拒绝。"));
        // An old binary workbook (.xls).
        assertThatThrownBy(() -> read(ole("Workbook")))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors())
                        .containsExactly("这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为 .xlsx”后再上传。"));
        // A Word .doc renamed to .xlsx is an OLE file too, but not an old Excel file.
        assertThatThrownBy(() -> read(ole("WordDocument")))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors())
                        .containsExactly("上传的文件不是 Excel（.xlsx）文件，请另存为 .xlsx 后再上传。"));
        // A DOCTYPE in the sheet XML.
        byte[] plain = sheet(List.of(List.of("1", "第一项")));
        byte[] xxe = rezip(plain, xml -> xml.replaceFirst("<worksheet", "<!DOCTYPE worksheet [<!ENTITY x \"y\">]><worksheet"), 0);
        assertThatThrownBy(() -> read(xxe))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors())
                        .containsExactly("文件中含有不允许的 XML 声明（DOCTYPE），已拒绝。"));
    }

    @Test
    void headersAndCategoryLabelsComeFromTheChineseBundle() throws IOException {
        assertThat(xlsx.columns()).isEqualTo(HEADERS);
        // Another wording in the bundle changes both the exported header and what an import accepts.
        org.springframework.context.support.StaticMessageSource renamed = new org.springframework.context.support.StaticMessageSource();
        renamed.addMessage("inspection.item.title", Locale.SIMPLIFIED_CHINESE, "检查内容");
        renamed.addMessage("inspection.category.STUDY", Locale.SIMPLIFIED_CHINESE, "学习");
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("messages", "i18n/inspection", "i18n/exchange");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        renamed.setParentMessageSource(bundles);
        ChecklistXlsx other = new ChecklistXlsx(renamed, new FileGuard(new ContentCheck(1024 * 1024)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        other.write("清单", List.of(item("1", "中心组研讨", null, null, FindingCategory.STUDY)), out);
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()));
                var rows = wb.getFirstSheet().openStream()) {
            List<org.dhatim.fastexcel.reader.Row> read = rows.toList();
            assertThat(read.get(0).getCellText(1)).isEqualTo("检查内容");
            assertThat(read.get(1).getCellText(4)).isEqualTo("学习");
        }
        Path file = Files.createTempFile("checklist-test", ".xlsx");
        try {
            Files.write(file, out.toByteArray());
            assertThat(other.read(file)).extracting(ItemCommand::category).containsExactly(FindingCategory.STUDY);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
