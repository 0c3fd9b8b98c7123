package org.luoshi.report;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.template.BlockTemplate;
import com.deepoove.poi.template.ElementTemplate;
import com.deepoove.poi.template.MetaTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.luoshi.web.RuleViolationException;

/**
 * Custom Word templates with poi-tl tags: the tags a template may use, the data they receive, the
 * check that refuses a broken template, and the example template offered for download. The tag
 * list is documented in docs/report/README.md; keep both in step.
 */
final class CustomTemplates {

    /** Tags at the top level of a template. */
    static final Set<String> TOP_TAGS;
    /** Tags inside the loops, by loop. */
    static final Map<String, Set<String>> LOOP_TAGS = Map.of(
            "sections", Set.of("number", "heading", "paragraphs"),
            "paragraphs", Set.of("text"),
            "problems", Set.of("text"),
            "plans", Set.of("text"),
            "appendix", Set.of("label", "value", "records"),
            "records", Set.of("label", "href"));

    static {
        Set<String> top = new LinkedHashSet<>(List.of("title", "addressee", "unitName", "year", "date", "opening",
                "sections", "problems", "plans", "appendix"));
        for (FigureName name : FigureName.values()) {
            top.add(name.key());
        }
        TOP_TAGS = java.util.Collections.unmodifiableSet(top);
    }

    private CustomTemplates() {
    }

    /** The data a template is rendered with. */
    /** The tags' values: the report's texts and {@code figure}'s text of every figure name. */
    static Map<String, Object> data(WordReport report, java.util.function.Function<FigureName, String> figure) {
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
        data.putIfAbsent("opening", "");
        data.putIfAbsent("problems", List.of());
        data.putIfAbsent("plans", List.of());
        data.put("appendix", report.appendix().stream().map(a -> Map.of("label", a.label(), "value", a.value(),
                "records", a.records().stream().map(r -> Map.of("label", r.label(), "href", r.href())).toList())).toList());
        for (FigureName name : FigureName.values()) {
            data.put(name.key(), figure.apply(name));
        }
        return data;
    }

    private static List<Map<String, Object>> texts(ReportContent.Block block) {
        List<Map<String, Object>> texts = new ArrayList<>();
        block.lineTexts().forEach(t -> texts.add(Map.of("text", t)));
        block.paragraphs().forEach(t -> texts.add(Map.of("text", t)));
        return texts;
    }

    static byte[] render(byte[] template, Map<String, Object> data) {
        try (XWPFTemplate compiled = XWPFTemplate.compile(new ByteArrayInputStream(template));
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
    static void validate(String fileName, byte[] content, WordReport sample, FigureSet figures) {
        if (fileName == null || !fileName.toLowerCase().endsWith(".docx") || content.length < 4
                || content[0] != 'P' || content[1] != 'K') {
            throw new RuleViolationException("report.template.notDocx");
        }
        Set<String> unknown = new TreeSet<>();
        try (XWPFTemplate compiled = XWPFTemplate.compile(new ByteArrayInputStream(content))) {
            List<MetaTemplate> elements = compiled.getElementTemplates();
            if (elements.isEmpty()) {
                throw new RuleViolationException("report.template.noTags");
            }
            check(elements, TOP_TAGS, unknown);
        } catch (RuleViolationException e) {
            throw e;
        } catch (Exception e) {
            throw new RuleViolationException("report.template.unreadable");
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("report.template.unknownTags", String.join("、", unknown));
        }
        try {
            render(content, data(sample, name -> figures.get(name).display()));
        } catch (Exception e) {
            throw new RuleViolationException("report.template.renderFailed");
        }
    }

    private static void check(List<MetaTemplate> elements, Set<String> allowed, Set<String> unknown) {
        for (MetaTemplate element : elements) {
            if (element instanceof BlockTemplate block) {
                String name = block.getStartMark().getTagName();
                if (!allowed.contains(name) || !LOOP_TAGS.containsKey(name)) {
                    unknown.add("{{?" + name + "}}");
                    continue;
                }
                check(block.getTemplates(), LOOP_TAGS.get(name), unknown);
            } else if (element instanceof ElementTemplate tag) {
                boolean plain = tag.getSign() == null || tag.getSign() == '\0' || tag.getSign() == ' ';
                if (!plain || !allowed.contains(tag.getTagName()) || LOOP_TAGS.containsKey(tag.getTagName())) {
                    unknown.add(tag.getSource());
                }
            }
        }
    }

    /** An example template using every kind of tag, laid out like the built-in document. */
    static byte[] example() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            line(doc, "{{title}}", GbDocumentWriter.TITLE_FONT, GbDocumentWriter.TITLE_SIZE, ParagraphAlignment.CENTER);
            line(doc, "{{addressee}}：", GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.LEFT);
            line(doc, "{{opening}}", GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.BOTH);
            line(doc, "一、主要做法及成效", GbDocumentWriter.HEADING1_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.BOTH);
            line(doc, "{{?sections}}", GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.BOTH);
            line(doc, "{{number}}{{heading}}", GbDocumentWriter.HEADING2_FONT, GbDocumentWriter.BODY_SIZE,
                    ParagraphAlignment.BOTH);
            line(doc, "{{?paragraphs}}{{text}}{{/paragraphs}}", GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE,
                    ParagraphAlignment.BOTH);
            line(doc, "{{/sections}}", GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.BOTH);
            line(doc, "二、存在问题", GbDocumentWriter.HEADING1_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.BOTH);
            line(doc, "{{?problems}}{{text}}{{/problems}}", GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE,
                    ParagraphAlignment.BOTH);
            line(doc, "三、下一步打算", GbDocumentWriter.HEADING1_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.BOTH);
            line(doc, "{{?plans}}{{text}}{{/plans}}", GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE,
                    ParagraphAlignment.BOTH);
            line(doc, "（中心组学习 {{studyCentralGroupCount}} 次，出勤率 {{attendanceRate}}）", GbDocumentWriter.BODY_FONT,
                    GbDocumentWriter.BODY_SIZE, ParagraphAlignment.BOTH);
            line(doc, "{{unitName}}", GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.RIGHT);
            line(doc, "{{date}}", GbDocumentWriter.BODY_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.RIGHT);
            line(doc, "附件：数据来源清单", GbDocumentWriter.HEADING1_FONT, GbDocumentWriter.BODY_SIZE, ParagraphAlignment.LEFT);
            line(doc, "{{?appendix}}{{label}}：{{value}}{{/appendix}}", GbDocumentWriter.BODY_FONT,
                    GbDocumentWriter.BODY_SIZE, ParagraphAlignment.BOTH);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(XWPFDocument doc, String text, String font, int size, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        GbDocumentWriter.run(p, text, font, size);
    }
}
