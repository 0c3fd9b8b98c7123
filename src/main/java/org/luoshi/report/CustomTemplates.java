package org.luoshi.report;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.data.HyperlinkTextRenderData;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import com.deepoove.poi.template.BlockTemplate;
import com.deepoove.poi.template.ElementTemplate;
import com.deepoove.poi.template.MetaTemplate;
import com.deepoove.poi.template.run.RunTemplate;
import com.deepoove.poi.util.TableTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.luoshi.web.RuleViolationException;

/**
 * Custom Word templates with poi-tl tags: the tags a template may use (one vocabulary, which the check
 * of an uploaded template, the data and the documentation all follow), the data they receive from a
 * stored version, the check that refuses a broken template, and the example template offered for
 * download. The tags are documented in docs/report/README.md, and a test keeps both in step.
 */
final class CustomTemplates {

    /** The list figures: each is a text tag (its text), a loop {{?name}} and a table-row loop {{%name}}. */
    static final List<String> LIST_FIGURES = Arrays.stream(FigureName.values())
            .filter(n -> n.kind() == Figure.Kind.LIST).map(FigureName::key).toList();

    /**
     * Figures the sentences derive from others, usable as text tags, and what their marker says when the
     * version states none (e.g. no article was recorded, so there is no total).
     */
    static final Map<String, String> DERIVED = orderedMap(
            "mediaTotal", "新闻上稿记录",
            "opinionOnTimeRate", "已办结的网络舆情记录");

    /** The tags inside a list figure's loop and table row: one per entry. */
    static final Set<String> ITEM_TAGS = ordered("label", "detail", "count");

    /** Plain text tags {{name}} at the top level. */
    static final Set<String> TEXT_TAGS;

    /** Loops {{?name}}…{{/name}} and the tags inside each (a name inside may itself be a loop). */
    static final Map<String, Set<String>> LOOPS;

    /** The loops a template may open at the top level. */
    static final Set<String> TOP_LOOPS;

    /** Table-row loops {{%name}}: in a table, the row below is repeated per entry with these tags as [label]. */
    static final Map<String, Set<String>> ROWS;

    static {
        Set<String> text = new LinkedHashSet<>(List.of("title", "addressee", "unitName", "year", "date", "opening"));
        Arrays.stream(FigureName.values()).map(FigureName::key).forEach(text::add);
        text.addAll(DERIVED.keySet());
        TEXT_TAGS = Collections.unmodifiableSet(text);

        Map<String, Set<String>> loops = new LinkedHashMap<>();
        loops.put("chapters", ordered("number", "heading", "paragraphs", "sections"));
        loops.put("sections", ordered("number", "heading", "paragraphs"));
        loops.put("paragraphs", ordered("text"));
        loops.put("problems", ordered("text"));
        loops.put("plans", ordered("text"));
        loops.put("withAppendix", Set.of());
        loops.put("appendix", ordered("number", "label", "value", "sources", "seeAlso", "records"));
        loops.put("records", ordered("number", "date", "kind", "title", "label", "href"));
        for (String name : LIST_FIGURES) {
            // a list figure named like a block loop ("problems") would make one tag mean two things
            if (loops.put(name, ITEM_TAGS) != null) {
                throw new IllegalStateException("list figure " + name + " has the name of a template loop");
            }
        }
        LOOPS = Collections.unmodifiableMap(loops);

        Set<String> top = new LinkedHashSet<>(List.of("chapters", "sections", "problems", "plans", "withAppendix",
                "appendix"));
        top.addAll(LIST_FIGURES);
        TOP_LOOPS = Collections.unmodifiableSet(top);

        Map<String, Set<String>> rows = new LinkedHashMap<>();
        LIST_FIGURES.forEach(name -> rows.put(name, ITEM_TAGS));
        ROWS = Collections.unmodifiableMap(rows);
    }

    /** The sign of a table-row loop tag. */
    static final char ROW_SIGN = '%';
    private static final Pattern ROW_TAG = Pattern.compile("\\[([^\\[\\]]*)\\]");

    private CustomTemplates() {
    }

    private static Set<String> ordered(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Configure config() {
        return Configure.builder().addPlugin(ROW_SIGN, new LoopRowTableRenderPolicy()).build();
    }

    /**
     * The text of every figure a template may name, as the version states it: the stored figures, and the
     * derived ones as the version's sentences state them (a marker where they state none).
     */
    static Map<String, String> figureTexts(ReportContent content) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (FigureName name : FigureName.values()) {
            texts.put(name.key(), content.figureText(name));
        }
        DERIVED.forEach((key, missing) -> texts.put(key, content.partText(key).orElseGet(() -> ReportText.marker(missing))));
        return texts;
    }

    /** The entries of the list figures the version stored them for. */
    static Map<String, List<ReportContent.Item>> items(ReportContent content) {
        Map<String, List<ReportContent.Item>> items = new LinkedHashMap<>();
        for (FigureName name : FigureName.values()) {
            content.items(name).ifPresent(list -> items.put(name.key(), list));
        }
        return items;
    }

    /** The tags' values, all from the report as one version states it. */
    static Map<String, Object> data(WordReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", report.title());
        data.put("addressee", report.addressee() == null ? "" : report.addressee());
        data.put("unitName", report.unitName());
        data.put("year", String.valueOf(report.year()));
        data.put("date", report.date());
        List<Map<String, Object>> sections = new ArrayList<>();
        int n = 0;
        for (ReportContent.Block block : report.blocks()) {
            List<Map<String, Object>> texts = texts(block);
            switch (block.key()) {
                case "opening" -> data.put("opening", String.join("\n", texts.stream().map(t -> (String) t.get("text")).toList()));
                case "problems" -> data.put("problems", texts);
                case "plans" -> data.put("plans", texts);
                default -> {
                    if (block.type() == ReportContent.BlockType.HEADING2) {
                        sections.add(Map.of("number", "（" + WordReport.chineseNumber(++n) + "）",
                                "heading", block.heading(), "paragraphs", texts));
                    }
                }
            }
        }
        data.put("sections", sections);
        data.put("chapters", chapters(report.blocks()));
        data.putIfAbsent("opening", "");
        data.putIfAbsent("problems", List.of());
        data.putIfAbsent("plans", List.of());
        data.put("withAppendix", !report.appendix().isEmpty());
        data.put("appendix", report.appendix().stream().map(CustomTemplates::appendixEntry).toList());
        for (String key : TEXT_TAGS) {
            if (report.figures().containsKey(key)) {
                data.put(key, report.figures().get(key));
            }
        }
        for (String key : LIST_FIGURES) {
            String text = report.figures().getOrDefault(key, "");
            List<ReportContent.Item> items = report.items().get(key);
            // Without stored entries (a missing figure, or a version saved before entries were kept) the
            // loop has one entry holding the figure's text: a marker stays visible in a table too.
            data.put(key, new Entries(items != null ? items : List.of(new ReportContent.Item(text, "", null)), text));
        }
        return data;
    }

    private static Map<String, Object> appendixEntry(WordReport.AppendixEntry entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", String.valueOf(entry.number()));
        map.put("label", entry.label());
        map.put("value", entry.value());
        map.put("sources", entry.sources().isEmpty() ? ""
                : "来源：" + entry.sources().stream().map(WordReport.Link::text).collect(Collectors.joining("、")));
        map.put("seeAlso", entry.seeAlso().isEmpty() ? ""
                : "另见上列记录" + entry.seeAlso().stream().map(k -> "（" + k + "）").collect(Collectors.joining("、")));
        map.put("records", entry.records().stream().map(r -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("number", "（" + r.number() + "）");
            record.put("date", r.date());
            record.put("kind", r.kind());
            record.put("title", r.title());
            record.put("label", r.url() == null ? r.line() : link(r.line(), r.url()));
            record.put("href", r.url() == null ? "" : r.url());
            return record;
        }).toList());
        return map;
    }

    /** A link in the tag's own font and colour (an official document is printed black), not poi-tl's blue. */
    private static HyperlinkTextRenderData link(String text, String url) {
        HyperlinkTextRenderData link = new HyperlinkTextRenderData(text, url);
        link.setStyle(null);
        return link;
    }

    /**
     * The entries of a list figure for a loop or a table row; as a text tag it prints the figure's
     * text, so {{mediaByLevel}} and {{?mediaByLevel}} name the same figure.
     */
    static final class Entries extends AbstractList<Map<String, Object>> {
        private final List<Map<String, Object>> entries;
        private final String text;

        Entries(List<ReportContent.Item> items, String text) {
            this.entries = items.stream().map(i -> Map.<String, Object>of("label", i.label(), "detail", i.detail(),
                    "count", i.count() == null ? "" : String.valueOf(i.count()))).toList();
            this.text = text;
        }

        @Override
        public Map<String, Object> get(int index) {
            return entries.get(index);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The body as the built-in document numbers it, for every kind: each "一、" chapter with its own
     * paragraphs and its "（一）" sections (numbered afresh in each chapter).
     */
    private static List<Map<String, Object>> chapters(List<ReportContent.Block> blocks) {
        List<Map<String, Object>> chapters = new ArrayList<>();
        List<Map<String, Object>> sections = null;
        for (ReportContent.Block block : blocks) {
            switch (block.type()) {
                case HEADING1 -> {
                    sections = new ArrayList<>();
                    chapters.add(Map.of("number", WordReport.chineseNumber(chapters.size() + 1) + "、",
                            "heading", block.heading(), "paragraphs", texts(block), "sections", sections));
                }
                case HEADING2 -> {
                    if (sections == null) { // a section before any chapter: give it a chapter without a heading
                        sections = new ArrayList<>();
                        chapters.add(Map.of("number", "", "heading", "", "paragraphs", List.of(), "sections", sections));
                    }
                    sections.add(Map.of("number", "（" + WordReport.chineseNumber(sections.size() + 1) + "）",
                            "heading", block.heading(), "paragraphs", texts(block)));
                }
                case PARAGRAPH -> { }
            }
        }
        return chapters;
    }

    private static List<Map<String, Object>> texts(ReportContent.Block block) {
        List<Map<String, Object>> texts = new ArrayList<>();
        block.lineTexts().forEach(t -> texts.add(Map.of("text", t)));
        block.paragraphs().forEach(t -> texts.add(Map.of("text", t)));
        return texts;
    }

    static byte[] render(byte[] template, Map<String, Object> data) {
        try (XWPFTemplate compiled = XWPFTemplate.compile(new ByteArrayInputStream(template), config());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            compiled.render(data);
            compiled.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses a file that is not a .docx, uses tags the report does not provide, or fails to render
     * with sample data. The message names the offending tags.
     */
    static void validate(String fileName, byte[] content, WordReport sample) {
        if (fileName == null || !fileName.toLowerCase().endsWith(".docx") || content.length < 4
                || content[0] != 'P' || content[1] != 'K') {
            throw new RuleViolationException("report.template.notDocx");
        }
        Set<String> unknown = new TreeSet<>();
        try (XWPFTemplate compiled = XWPFTemplate.compile(new ByteArrayInputStream(content), config())) {
            List<MetaTemplate> elements = compiled.getElementTemplates();
            if (elements.isEmpty()) {
                throw new RuleViolationException("report.template.noTags");
            }
            check(elements, TEXT_TAGS, TOP_LOOPS, true, unknown);
        } catch (RuleViolationException e) {
            throw e;
        } catch (Exception e) {
            throw new RuleViolationException("report.template.unreadable");
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("report.template.unknownTags", String.join("、", unknown));
        }
        try {
            render(content, data(sample));
        } catch (Exception e) {
            throw new RuleViolationException("report.template.renderFailed");
        }
    }

    private static void check(List<MetaTemplate> elements, Set<String> text, Set<String> loops, boolean top,
            Set<String> unknown) {
        for (MetaTemplate element : elements) {
            if (element instanceof BlockTemplate block) {
                String name = block.getStartMark().getTagName();
                if (!loops.contains(name)) {
                    unknown.add("{{?" + name + "}}");
                    continue;
                }
                Set<String> inside = LOOPS.get(name);
                check(block.getTemplates(), inside, inside.stream().filter(LOOPS::containsKey).collect(Collectors.toSet()),
                        false, unknown);
            } else if (element instanceof ElementTemplate tag) {
                Character sign = tag.getSign();
                boolean plain = sign == null || sign == '\0' || sign == ' ';
                if (plain) {
                    if (!text.contains(tag.getTagName()) || (loops.contains(tag.getTagName())
                            && !LIST_FIGURES.contains(tag.getTagName()))) {
                        unknown.add(tag.getSource());
                    }
                } else if (sign == ROW_SIGN && top && ROWS.containsKey(tag.getTagName())) {
                    checkRow(tag, ROWS.get(tag.getTagName()), unknown);
                } else {
                    unknown.add(tag.getSource());
                }
            }
        }
    }

    /** A table-row loop: in a table, with a row below it whose [tags] are the entries'. */
    private static void checkRow(ElementTemplate tag, Set<String> allowed, Set<String> unknown) {
        if (!(tag instanceof RunTemplate run) || !TableTools.isInsideTable(run.getRun())
                || !(((XWPFParagraph) run.getRun().getParent()).getBody() instanceof XWPFTableCell cell)) {
            unknown.add(tag.getSource());
            return;
        }
        XWPFTableRow row = cell.getTableRow();
        XWPFTable table = row.getTable();
        int below = table.getRows().indexOf(row) + 1;
        if (below >= table.getRows().size()) {
            unknown.add(tag.getSource());
            return;
        }
        for (XWPFTableCell c : table.getRow(below).getTableCells()) {
            Matcher m = ROW_TAG.matcher(c.getText());
            while (m.find()) {
                if (!allowed.contains(m.group(1))) {
                    unknown.add(m.group());
                }
            }
        }
    }

    /**
     * The example template: the built-in GB/T 9704 page and fonts (from {@link GbDocumentWriter#document()}),
     * with tags where the content goes, and every kind of tag: text, loops, a table-row loop.
     */
    static byte[] example() {
        try (XWPFDocument doc = GbDocumentWriter.document(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            title(doc, "{{title}}");
            plain(doc, ParagraphAlignment.LEFT, "");
            plain(doc, ParagraphAlignment.LEFT, "{{addressee}}：");
            body(doc, "{{opening}}");
            // the body of any kind, numbered as the built-in document numbers it
            plain(doc, ParagraphAlignment.LEFT, "{{?chapters}}");
            heading1(doc, "{{number}}{{heading}}");
            plain(doc, ParagraphAlignment.LEFT, "{{?paragraphs}}");
            body(doc, "{{text}}");
            plain(doc, ParagraphAlignment.LEFT, "{{/paragraphs}}");
            plain(doc, ParagraphAlignment.LEFT, "{{?sections}}");
            line(doc, "{{number}}{{heading}}", GbDocumentWriter.HEADING2_FONT);
            plain(doc, ParagraphAlignment.LEFT, "{{?paragraphs}}");
            body(doc, "{{text}}");
            plain(doc, ParagraphAlignment.LEFT, "{{/paragraphs}}");
            plain(doc, ParagraphAlignment.LEFT, "{{/sections}}");
            plain(doc, ParagraphAlignment.LEFT, "{{/chapters}}");
            body(doc, "（中心组学习 {{studyCentralGroupCount}} 次，出勤率 {{attendanceRate}}；媒体上稿 {{mediaTotal}} 篇）");
            plain(doc, ParagraphAlignment.LEFT, "");
            plain(doc, ParagraphAlignment.LEFT, "");
            signature(doc, "{{unitName}}");
            signature(doc, "{{date}}");

            // 附表: the list figures, as lines and as a table.
            XWPFParagraph attached = GbDocumentWriter.paragraph(doc, ParagraphAlignment.LEFT, false);
            attached.setPageBreak(true);
            GbDocumentWriter.run(attached, "附表", GbDocumentWriter.HEADING1_FONT, GbDocumentWriter.BODY_SIZE);
            plain(doc, ParagraphAlignment.LEFT, "");
            title(doc, "主要数据一览");
            plain(doc, ParagraphAlignment.LEFT, "");
            line(doc, "意识形态工作领导小组成员（{{leadingGroupMembers}}名）", GbDocumentWriter.HEADING2_FONT);
            plain(doc, ParagraphAlignment.LEFT, "{{?leadingGroupMembers}}");
            body(doc, "{{label}}　{{detail}}");
            plain(doc, ParagraphAlignment.LEFT, "{{/leadingGroupMembers}}");
            line(doc, "新闻上稿（按媒体级别）", GbDocumentWriter.HEADING2_FONT);
            table(doc, List.of("媒体级别{{%mediaByLevel}}", "篇数"), List.of("[label]", "[count]"));
            body(doc, "按媒体类型：{{?mediaByMedium}}{{label}}{{count}}篇；{{/mediaByMedium}}");
            line(doc, "未达标的考评指标", GbDocumentWriter.HEADING2_FONT);
            plain(doc, ParagraphAlignment.LEFT, "{{?unmetIndicators}}");
            body(doc, "{{label}}：{{detail}}");
            plain(doc, ParagraphAlignment.LEFT, "{{/unmetIndicators}}");
            line(doc, "尚未整改完成的问题", GbDocumentWriter.HEADING2_FONT);
            plain(doc, ParagraphAlignment.LEFT, "{{?openFindings}}");
            body(doc, "{{label}}（{{detail}}）");
            plain(doc, ParagraphAlignment.LEFT, "{{/openFindings}}");

            // 附件: only when the download includes it.
            plain(doc, ParagraphAlignment.LEFT, "{{?withAppendix}}");
            XWPFParagraph appendix = GbDocumentWriter.paragraph(doc, ParagraphAlignment.LEFT, false);
            appendix.setPageBreak(true);
            GbDocumentWriter.run(appendix, "附件", GbDocumentWriter.HEADING1_FONT, GbDocumentWriter.BODY_SIZE);
            plain(doc, ParagraphAlignment.LEFT, "");
            title(doc, "数据来源清单");
            plain(doc, ParagraphAlignment.LEFT, "");
            plain(doc, ParagraphAlignment.LEFT, "{{/withAppendix}}");
            plain(doc, ParagraphAlignment.LEFT, "{{?appendix}}");
            body(doc, "{{number}}.{{label}}：{{value}}");
            body(doc, "{{sources}}");
            plain(doc, ParagraphAlignment.LEFT, "{{?records}}");
            body(doc, "{{number}}{{label}}");
            plain(doc, ParagraphAlignment.LEFT, "{{/records}}");
            body(doc, "{{seeAlso}}");
            plain(doc, ParagraphAlignment.LEFT, "{{/appendix}}");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void title(XWPFDocument doc, String text) {
        GbDocumentWriter.run(GbDocumentWriter.paragraph(doc, ParagraphAlignment.CENTER, false), text,
                GbDocumentWriter.TITLE_FONT, GbDocumentWriter.TITLE_SIZE);
    }

    private static void heading1(XWPFDocument doc, String text) {
        line(doc, text, GbDocumentWriter.HEADING1_FONT);
    }

    /** A paragraph of body size in the font, indented two characters. */
    private static void line(XWPFDocument doc, String text, String font) {
        GbDocumentWriter.run(GbDocumentWriter.paragraph(doc, ParagraphAlignment.BOTH, true), text, font,
                GbDocumentWriter.BODY_SIZE);
    }

    private static void body(XWPFDocument doc, String text) {
        line(doc, text, GbDocumentWriter.BODY_FONT);
    }

    /** Body text without indent: the addressee, blank lines and the loop marks (removed when rendered). */
    private static void plain(XWPFDocument doc, ParagraphAlignment alignment, String text) {
        GbDocumentWriter.run(GbDocumentWriter.paragraph(doc, alignment, false), text, GbDocumentWriter.BODY_FONT,
                GbDocumentWriter.BODY_SIZE);
    }

    /** 署名 and 成文日期: right-aligned, four characters from the right edge. */
    private static void signature(XWPFDocument doc, String text) {
        XWPFParagraph p = GbDocumentWriter.paragraph(doc, ParagraphAlignment.RIGHT, false);
        p.setIndentationRight(4 * GbDocumentWriter.CHAR);
        GbDocumentWriter.run(p, text, GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE);
    }

    /** A table as wide as the text block: a heading row and a row to repeat. */
    private static void table(XWPFDocument doc, List<String> heading, List<String> row) {
        XWPFTable table = doc.createTable(2, heading.size());
        table.setWidth(GbDocumentWriter.TEXT_WIDTH);
        for (int r = 0; r < 2; r++) {
            List<String> texts = r == 0 ? heading : row;
            for (int c = 0; c < texts.size(); c++) {
                XWPFTableCell cell = table.getRow(r).getCell(c);
                cell.setWidth(String.valueOf(GbDocumentWriter.TEXT_WIDTH / texts.size()));
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(ParagraphAlignment.CENTER);
                GbDocumentWriter.run(p, texts.get(c), r == 0 ? GbDocumentWriter.HEADING1_FONT : GbDocumentWriter.BODY_FONT,
                        GbDocumentWriter.BODY_SIZE);
            }
        }
    }
}
