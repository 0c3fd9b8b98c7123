package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Checklist .xlsx: export and import round-trip; a file with bad rows is refused with one message per row. */
class ChecklistXlsxTest {

    ChecklistXlsx xlsx;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/inspection");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        xlsx = new ChecklistXlsx(messages);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** Writes a sheet: the first row is the header, then the rows as given. */
    static byte[] sheet(List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("清单");
        for (int c = 0; c < ChecklistXlsx.COLUMNS.size(); c++) {
            ws.value(0, c, ChecklistXlsx.COLUMNS.get(c));
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

        List<ItemCommand> read = xlsx.read(out.toByteArray());

        assertThat(read).containsExactly(
                new ItemCommand("1", "领导小组健全", "查文件", "领导小组文件", FindingCategory.LEADERSHIP, null),
                new ItemCommand("2.1", "中心组研讨", null, "发言材料", FindingCategory.STUDY, null),
                new ItemCommand("3", "阵地巡查", "实地查看", null, FindingCategory.POSITION, null));
    }

    @Test
    void numericItemNumbersAndBlankRowsAreAccepted() throws IOException {
        List<ItemCommand> read = xlsx.read(sheet(List.of(
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

        assertThatThrownBy(() -> xlsx.read(file))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors()).containsExactly(
                        "第3行：序号不能为空",
                        "第4行：检查项目不能为空",
                        "第5行：序号“1”重复",
                        "第6行：类别“不存在的类别”无效，可选：其他、台账资料、宣传报道、理论学习、舆情处置、阵地管理、领导责任",
                        "第7行：检查项目不能超过200个字"));
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> xlsx.read("序号,检查项目\n1,a\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors())
                        .containsExactly("上传的文件不是 Excel（.xlsx）文件，请另存为 .xlsx 后再上传。"));
        // A zip that is not a workbook.
        assertThatThrownBy(() -> xlsx.read(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0}))
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
        assertThatThrownBy(() -> xlsx.read(out.toByteArray()))
                .isInstanceOfSatisfying(ChecklistImportException.class,
                        e -> assertThat(e.errors().get(0)).startsWith("第1行表头不对"));
        assertThatThrownBy(() -> xlsx.read(sheet(List.of())))
                .isInstanceOfSatisfying(ChecklistImportException.class,
                        e -> assertThat(e.errors()).containsExactly("文件中没有检查项目。"));
    }

    @Test
    void aFileWithMoreRowsThanTheLimitIsRefusedAsAWhole() throws IOException {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            rows.add(List.of(i, "第" + i + "项"));
        }
        assertThat(xlsx.read(sheet(rows))).hasSize(500);

        rows.add(List.of(501, "第501项"));
        assertThatThrownBy(() -> xlsx.read(sheet(rows)))
                .isInstanceOfSatisfying(ChecklistImportException.class, e -> assertThat(e.errors())
                        .containsExactly("文件超过 500 行检查项目，请拆分成几份清单分别导入。"));
    }
}
