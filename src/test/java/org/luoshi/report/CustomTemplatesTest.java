package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.luoshi.web.RuleViolationException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;

/**
 * Custom templates: every tag of the one vocabulary ({@link CustomTemplates}) works and is documented,
 * list figures render as lists and table rows from the version's stored entries, and the example
 * template has the built-in GB/T 9704 page and fonts.
 */
class CustomTemplatesTest {

    static final int YEAR = 2025;
    static final String MARK = "§";

    final RecordedFigures ledger = new RecordedFigures();

    /** A version written from two months of the demo year's records (every kind is among them). */
    ReportContent content(long townshipId) {
        RecordedFigures.Township year = RecordedFigures.demoYear(YEAR, townshipId);
        ledger.put(townshipId, new RecordedFigures.Township(year.records().stream()
                .filter(r -> r.date().getMonthValue() <= 2).toList(), year.members(), year.unmet(), year.open(),
                year.closed(), year.population()));
        return new ReportDraft(ReportKind.RESPONSIBILITY, "柳溪镇", YEAR, (String) null, ledger.figures(townshipId, YEAR)).build();
    }

    WordReport word(long townshipId, ReportContent content, String baseUrl) {
        return WordReport.of("关于柳溪镇2025年落实意识形态工作责任制情况的报告", "中共青禾县委宣传部", content,
                "中共柳溪镇委员会", "2026年3月5日", YEAR,
                EvidenceAppendix.of(content, ledger.describe(townshipId, YEAR, EvidenceAppendix.hrefs(content)), baseUrl));
    }

    /**
     * A template with every tag of the vocabulary, each after a mark naming it (§title=, §sections.number=),
     * loops nested as the vocabulary nests them, and a table-row loop per list figure.
     */
    static byte[] everyTag() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            tags(doc, "", CustomTemplates.TEXT_TAGS, CustomTemplates.TOP_LOOPS);
            CustomTemplates.ROWS.forEach((name, inside) -> {
                XWPFTable table = doc.createTable(2, inside.size());
                table.getRow(0).getCell(0).setText(MARK + "row." + name + "={{%" + name + "}}");
                int c = 0;
                for (String tag : inside) {
                    table.getRow(1).getCell(c++).setText(MARK + "row." + name + "." + tag + "=[" + tag + "]");
                }
            });
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void tags(XWPFDocument doc, String path, Set<String> text, Set<String> loops) {
        for (String tag : text) {
            doc.createParagraph().createRun().setText(MARK + path + tag + "={{" + tag + "}}");
        }
        for (String loop : loops) {
            doc.createParagraph().createRun().setText("{{?" + loop + "}}");
            Set<String> inside = CustomTemplates.LOOPS.get(loop);
            if (inside.isEmpty()) {
                doc.createParagraph().createRun().setText(MARK + path + loop + "=shown");
            }
            tags(doc, path + loop + ".", inside.stream().filter(t -> !CustomTemplates.LOOPS.containsKey(t))
                    .collect(Collectors.toCollection(LinkedHashSet::new)),
                    inside.stream().filter(CustomTemplates.LOOPS::containsKey).collect(Collectors.toCollection(LinkedHashSet::new)));
            doc.createParagraph().createRun().setText("{{/" + loop + "}}");
        }
    }

    /** Every paragraph's text, table cells included, in document order. */
    static List<String> texts(XWPFDocument doc) {
        List<String> texts = new ArrayList<>();
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                texts.add(p.getText());
            } else if (element instanceof XWPFTable t) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        texts.add(cell.getText());
                    }
                }
            }
        }
        return texts;
    }

    @Test
    void everyTagOfTheVocabularyIsAcceptedAndReplaced() throws Exception {
        byte[] template = everyTag();
        ReportContent content = content(21);
        WordReport word = word(21, content, "https://luoshi.example.gov.cn");
        // the check that uploads go through accepts it
        CustomTemplates.validate("every.docx", template, WordReport.of("示例", null, new ReportDraft(ReportKind.RESPONSIBILITY,
                "柳溪镇", YEAR, (String) null, FigureSet.empty(0, YEAR)).build(), "中共柳溪镇委员会", "2026年3月5日", YEAR, List.of()));

        List<String> texts;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(CustomTemplates.render(template,
                CustomTemplates.data(word))))) {
            texts = texts(doc);
            // with a public address each record's line links to its page, in the template's colour (black on paper)
            List<org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun> links = doc.getParagraphs().stream()
                    .flatMap(p -> p.getRuns().stream()).filter(r -> r instanceof org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun)
                    .map(r -> (org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun) r).toList();
            assertThat(links).isNotEmpty().allSatisfy(link -> {
                assertThat(link.getHyperlink(doc).getURL()).startsWith("https://luoshi.example.gov.cn/ledger/records/");
                assertThat(link.getColor()).isNull();
            });
        }
        assertThat(texts).noneMatch(t -> t.contains("{{") || t.contains("}}"));
        List<String> marks = texts.stream().filter(t -> t.startsWith(MARK)).toList();
        // each text tag at the top has its value, the figures as the version states them
        for (String tag : CustomTemplates.TEXT_TAGS) {
            String value = valueOf(marks, tag);
            assertThat(value).as(tag).isNotBlank();
            if (word.figures().containsKey(tag)) {
                assertThat(value).as(tag).isEqualTo(word.figures().get(tag));
            }
        }
        // the derived figures are those the version's sentences state (a rename in the draft shows here)
        // (a figure this kind of report does not state is a marker, never a number from elsewhere)
        for (String derived : CustomTemplates.DERIVED.keySet()) {
            assertThat(valueOf(marks, derived)).as(derived).isEqualTo(content.partText(derived)
                    .orElse(ReportText.marker(CustomTemplates.DERIVED.get(derived))));
        }
        assertThat(CustomTemplates.DERIVED.keySet()).as("stated by some kind of report").allMatch(derived ->
                java.util.Arrays.stream(ReportKind.values()).anyMatch(kind -> new ReportDraft(kind, "柳溪镇", YEAR,
                        (String) null, ledger.figures(21, YEAR)).build().partText(derived).isPresent()));
        // each loop ran, and each tag inside a loop has a value in at least one of its entries
        Set<String> inner = new LinkedHashSet<>();
        collectInner("", CustomTemplates.TOP_LOOPS, inner);
        for (String path : inner) {
            List<String> values = values(marks, path);
            assertThat(values).as(path + " rendered").isNotEmpty();
        }
        for (String tag : List.of("sections.number", "sections.heading", "sections.paragraphs.text", "problems.text",
                "plans.text", "appendix.number", "appendix.label", "appendix.value", "appendix.sources", "appendix.seeAlso",
                "appendix.records.number", "appendix.records.date", "appendix.records.kind", "appendix.records.title",
                "appendix.records.label", "appendix.records.href", "leadingGroupMembers.label", "leadingGroupMembers.detail",
                "mediaByLevel.label", "mediaByLevel.count", "unmetIndicators.detail", "openFindings.label")) {
            assertThat(values(marks, tag)).as(tag).anyMatch(v -> !v.isBlank());
        }
        assertThat(values(marks, "withAppendix")).containsExactly("shown");
        assertThat(values(marks, "appendix.records.href")).allMatch(v -> v.startsWith("https://luoshi.example.gov.cn/"));
        assertThat(values(marks, "appendix.records.date")).allMatch(v -> v.matches("\\d{4}年[1-9]\\d?月[1-9]\\d?日"));
        // table rows: one per entry, with the entries' values
        for (String row : CustomTemplates.ROWS.keySet()) {
            assertThat(texts).noneMatch(t -> t.contains("[label]") || t.contains("[count]") || t.contains("[detail]"));
            List<ReportContent.Item> items = content.items(FigureName.ofKey(row)).orElseThrow();
            assertThat(values(marks, "row." + row + ".label")).as(row).containsExactlyElementsOf(
                    items.stream().map(ReportContent.Item::label).toList());
        }
        assertThat(values(marks, "row.mediaByLevel.count")).containsExactlyElementsOf(content.items(FigureName.MEDIA_BY_LEVEL)
                .orElseThrow().stream().map(i -> String.valueOf(i.count())).toList());
    }

    private static void collectInner(String path, Set<String> loops, Set<String> into) {
        for (String loop : loops) {
            Set<String> inside = CustomTemplates.LOOPS.get(loop);
            if (inside.isEmpty()) {
                into.add(path + loop);
            }
            for (String tag : inside) {
                if (CustomTemplates.LOOPS.containsKey(tag)) {
                    collectInner(path + loop + ".", Set.of(tag), into);
                } else {
                    into.add(path + loop + "." + tag);
                }
            }
        }
    }

    private static String valueOf(List<String> marks, String path) {
        List<String> values = values(marks, path);
        assertThat(values).as(path).hasSize(1);
        return values.get(0);
    }

    private static List<String> values(List<String> marks, String path) {
        String prefix = MARK + path + "=";
        return marks.stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length())).toList();
    }

    @Test
    void theDocumentationListsEveryTagWithAnExample() throws Exception {
        List<String[]> rows = Files.readAllLines(Path.of("docs/report/README.md")).stream()
                .filter(l -> l.startsWith("| `{{")).map(l -> l.split("\\|")).toList();
        for (String tag : CustomTemplates.TEXT_TAGS) {
            assertDocumented(rows, "`{{" + tag + "}}`", List.of());
        }
        CustomTemplates.LOOPS.forEach((loop, inside) -> assertDocumented(rows, "`{{?" + loop + "}}`",
                inside.stream().map(t -> CustomTemplates.LOOPS.containsKey(t) ? "{{?" + t + "}}" : "{{" + t + "}}").toList()));
        CustomTemplates.ROWS.forEach((row, inside) -> assertDocumented(rows, "`{{%" + row + "}}`",
                inside.stream().map(t -> "[" + t + "]").toList()));
    }

    /** A row of the tag tables that starts with the tag, names the tags inside it and shows an example. */
    private static void assertDocumented(List<String[]> rows, String tag, List<String> inside) {
        String[] row = rows.stream().filter(r -> r.length > 1 && r[1].strip().startsWith(tag)).findFirst()
                .orElseThrow(() -> new AssertionError("docs/report/README.md has no row for " + tag));
        assertThat(row).as(tag + ": tag, content, example").hasSizeGreaterThanOrEqualTo(4);
        inside.forEach(t -> assertThat(row[2] + row[1]).as(tag).contains(t));
        assertThat(row[3]).as("example of " + tag).isNotBlank();
    }

    @Test
    void listFiguresRenderAsListsAndTableRowsFromTheStoredEntries() throws Exception {
        ReportContent generated = content(22);
        // what the version stores, read back as the database holds it
        ObjectMapper json = new ObjectMapper();
        ReportContent stored = json.readValue(json.writeValueAsString(generated), ReportContent.class);
        // the ledger changes afterwards: the version still tells its own entries
        ledger.clear(22);
        WordReport word = word(22, stored, "");
        String text = render(CustomTemplates.example(), word);
        List<ReportContent.Item> levels = stored.items(FigureName.MEDIA_BY_LEVEL).orElseThrow();
        assertThat(levels).isNotEmpty();
        assertThat(text).contains("陈立新　组长，党委书记").contains("周敏　副组长，宣传委员")
                .contains("意识形态工作领导小组成员（3名）")
                .contains("中心组专题研讨每季度至少1次：目标 4 次，实际 3 次")
                .contains("村村响广播2处喇叭损坏（整改期限 " + YEAR + "-12-31）")
                .doesNotContain("{{").doesNotContain("[label]");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(CustomTemplates.render(CustomTemplates.example(),
                CustomTemplates.data(word))))) {
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(1 + levels.size());
            for (int i = 0; i < levels.size(); i++) {
                assertThat(table.getRow(i + 1).getCell(0).getText()).isEqualTo(levels.get(i).label());
                assertThat(table.getRow(i + 1).getCell(1).getText()).isEqualTo(String.valueOf(levels.get(i).count()));
            }
        }
    }

    @Test
    void aVersionWithoutStoredEntriesOrAMissingListFigureShowsItsTextInTheLoop() throws Exception {
        ReportContent generated = content(23);
        // a version saved before entries were kept: its JSON has no "items"
        ObjectMapper json = new ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(json.writeValueAsString(generated));
        tree.remove("items");
        ReportContent old = json.treeToValue(tree, ReportContent.class);
        assertThat(old.items()).isEmpty();
        String text = render(CustomTemplates.example(), word(23, old, ""));
        assertThat(text).contains("意识形态工作领导小组成员（3名）").doesNotContain("陈立新　组长");

        ReportContent missing = new ReportDraft(ReportKind.RESPONSIBILITY, "柳溪镇", YEAR, (String) null, FigureSet.empty(24, YEAR))
                .build();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(CustomTemplates.render(CustomTemplates.example(),
                CustomTemplates.data(word(24, missing, "")))))) {
            // the table of a missing figure says so in its one row
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(2);
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("【待补充：新闻上稿记录（按媒体级别）】");
        }
    }

    @Test
    void theExampleTemplateWritesTheSelfInspectionReportItemByItemWithItsRectification() throws Exception {
        java.time.LocalDate held = java.time.LocalDate.of(YEAR, 11, 10);
        List<org.luoshi.inspection.SelfInspections.Item> items = List.of(
                new org.luoshi.inspection.SelfInspections.Item("1", "领导小组健全", "MEETS", "人员调整后及时发文。", List.of(), List.of()),
                new org.luoshi.inspection.SelfInspections.Item("2", "村村响广播正常播出", "NOT_MET", "两处喇叭损坏。", List.of(),
                        List.of("巡查记录.pdf")));
        org.luoshi.inspection.FindingSummary finding = new org.luoshi.inspection.FindingSummary(1, "SELF_INSPECTION",
                "POSITION", 21, "柳溪镇", "2 村村响广播正常播出", "上塘村两处喇叭损坏，尚未维修", "联系维修单位更换喇叭", "IN_PROGRESS",
                java.time.LocalDate.of(YEAR, 12, 20), false, java.time.Instant.parse(YEAR + "-11-12T02:00:00Z"), null,
                "宣传委员", "周敏", 9L);
        org.luoshi.inspection.SelfInspections.Record record = new org.luoshi.inspection.SelfInspections.Record(9, 21, held,
                "意识形态工作责任制落实情况检查清单", "青宣发〔" + YEAR + "〕3号", "党委副书记牵头", held.plusDays(5), null, items,
                List.of(finding));
        ReportContent content = new ReportDraft(ReportKind.SELF_INSPECTION, "柳溪镇", YEAR,
                new ReportDraft.Sources(new ReportDraft.Directive("青禾县委宣传部", "关于开展自查的通知", "青宣发〔" + YEAR + "〕3号"),
                        record, java.util.Map.of()), ledger.figures(21, YEAR)).build();
        String text = render(CustomTemplates.example(), word(21, content, ""));
        // the same chapters, items and rectification as the built-in document, numbered the same way
        assertThat(text).contains("一、自查工作开展情况").contains("二、自查内容及结果").contains("三、存在的问题")
                .contains("四、整改措施")
                .contains("领导小组健全。自查结论：符合。人员调整后及时发文。")
                .contains("村村响广播正常播出。自查结论：不符合。两处喇叭损坏。佐证材料：巡查记录.pdf。")
                .contains("上塘村两处喇叭损坏，尚未维修。")
                .contains("联系维修单位更换喇叭，由宣传委员周敏负责，" + YEAR + "年12月20日前完成")
                .contains("党委副书记牵头")
                .doesNotContain("{{");
        try (XWPFDocument built = new XWPFDocument(new ByteArrayInputStream(GbDocumentWriter.write(word(21, content, ""))))) {
            List<String> headings = built.getParagraphs().stream().map(XWPFParagraph::getText)
                    .filter(t -> t.matches("[一二三四五六七八九十]+、.*")).toList();
            assertThat(headings).isNotEmpty().allSatisfy(h -> assertThat(text).contains(h));
        }
    }

    @Test
    void theCheckRefusesTagsOutsideTheVocabularyInLoopsAndTableRows() throws Exception {
        WordReport sample = word(25, content(25), "");
        assertRefused(docx(List.of("{{?mediaByLevel}}{{text}}{{/mediaByLevel}}")), sample, "{{text}}");
        assertRefused(docx(List.of("{{title}}", "{{paragraphs}}")), sample, "{{paragraphs}}");
        assertRefused(docx(List.of("{{%title}}")), sample, "{{%title}}");
        assertRefused(docx(List.of("{{?withAppendix}}{{title}}{{/withAppendix}}")), sample, "{{title}}");
        assertRefused(table("{{%mediaByLevel}}", "[label]", "[secret]"), sample, "[secret]");
        // a row loop needs a row below it
        assertRefused(table("{{%mediaByLevel}}"), sample, "{{%mediaByLevel}}");
        // the same name as text, loop and table row is fine
        CustomTemplates.validate("ok.docx", docx(List.of("{{mediaByLevel}}", "{{?mediaByLevel}}{{label}}{{count}}{{/mediaByLevel}}")),
                sample);
        CustomTemplates.validate("ok.docx", table("{{%openFindings}}", "[label]", "[detail]"), sample);
    }

    private static void assertRefused(byte[] template, WordReport sample, String tag) {
        assertThatThrownBy(() -> CustomTemplates.validate("t.docx", template, sample))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("report.template.unknownTags");
                    assertThat((String) e.args()[0]).contains(tag);
                });
    }

    private static byte[] docx(List<String> paragraphs) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraphs.forEach(p -> doc.createParagraph().createRun().setText(p));
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A table of one row holding the first cell's text, and a second row with the rest when given. */
    private static byte[] table(String head, String... below) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("{{title}}");
            XWPFTable table = doc.createTable(below.length == 0 ? 1 : 2, Math.max(1, below.length));
            table.getRow(0).getCell(0).setText(head);
            for (int i = 0; i < below.length; i++) {
                table.getRow(1).getCell(i).setText(below[i]);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static String render(byte[] template, WordReport word) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(CustomTemplates.render(template,
                CustomTemplates.data(word))))) {
            return String.join("\n", texts(doc));
        }
    }

    @Test
    void theExampleTemplateHasTheBuiltInPageAndFonts() throws Exception {
        byte[] example = CustomTemplates.example();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(example))) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(GbDocumentWriter.PAGE_WIDTH));
            assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(GbDocumentWriter.PAGE_HEIGHT));
            assertThat(sect.getPgMar().getTop()).isEqualTo(BigInteger.valueOf(2098));   // 37 mm
            assertThat(sect.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1587));  // 28 mm
            assertThat(sect.getPgMar().getRight()).isEqualTo(BigInteger.valueOf(1475));
            assertThat(sect.getPgMar().getBottom()).isEqualTo(BigInteger.valueOf(1984));
            assertThat(sect.getDocGrid().getType()).isEqualTo(STDocGrid.LINES);
            assertThat(sect.getDocGrid().getLinePitch()).isEqualTo(BigInteger.valueOf(579));
            assertThat(doc.getSettings().getEvenAndOddHeadings()).isTrue();
            assertThat(doc.getHeaderFooterPolicy().getDefaultFooter().getText()).contains("— ").contains(" —");
            assertThat(doc.getHeaderFooterPolicy().getEvenPageFooter().getParagraphs().get(0).getAlignment())
                    .isEqualTo(ParagraphAlignment.LEFT);
            List<XWPFParagraph> ps = doc.getParagraphs();
            XWPFParagraph title = find(ps, "{{title}}");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertFont(title, "方正小标宋简体", 22);
            XWPFParagraph opening = find(ps, "{{opening}}");
            assertFont(opening, "仿宋_GB2312", 16);
            assertThat(opening.getCTP().getPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
            assertThat(opening.getCTP().getPPr().getSpacing().getLine()).isEqualTo(BigInteger.valueOf(579));
            assertFont(find(ps, "{{text}}"), "仿宋_GB2312", 16);
            // the chapters' headings (一、) in 黑体, their sections' (（一）) in 楷体
            List<XWPFParagraph> headings = ps.stream().filter(p -> p.getText().equals("{{number}}{{heading}}")).toList();
            assertThat(headings).hasSize(2);
            assertFont(headings.get(0), "黑体", 16);
            assertFont(headings.get(1), "楷体_GB2312", 16);
            assertThat(find(ps, "{{date}}").getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            CTFonts defaults = doc.getStyle().getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0);
            assertThat(defaults.getEastAsia()).isEqualTo("仿宋");
        }
        // rendered, the report's title and text take those fonts
        WordReport word = word(26, content(26), "");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(CustomTemplates.render(example,
                CustomTemplates.data(word))))) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            assertFont(find(ps, word.title()), "方正小标宋简体", 22);
            assertFont(find(ps, "全年理论学习中心组集中学习"), "仿宋_GB2312", 16);
            assertFont(find(ps, "（一）压实责任链条，健全工作体系"), "楷体_GB2312", 16);
            assertThat(String.join("\n", texts(doc))).contains("附件").contains("数据来源清单")
                    .contains("（1）" + YEAR + "年");
        }
        // without the appendix, the appendix's page is left out
        WordReport plain = WordReport.of(word.title(), word.addressee(), content(26), word.unitName(), word.date(), YEAR,
                List.of());
        assertThat(render(example, plain)).doesNotContain("数据来源清单");
    }

    private static XWPFParagraph find(List<XWPFParagraph> ps, String start) {
        return ps.stream().filter(p -> p.getText().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph starting with " + start));
    }

    private static void assertFont(XWPFParagraph p, String font, int points) {
        assertThat(p.getRuns()).isNotEmpty();
        for (XWPFRun run : p.getRuns()) {
            if (run.text().isEmpty()) {
                continue;
            }
            CTFonts fonts = run.getCTR().getRPr().getRFontsArray(0);
            assertThat(fonts.getEastAsia()).as(p.getText()).isEqualTo(font);
            assertThat(run.getFontSizeAsDouble()).as(p.getText()).isEqualTo(points);
        }
    }
}
