package org.luoshi.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

/**
 * Writes a report as a GB/T 9704-2012 document with POI: A4, margins top 37 mm, left 28 mm, right
 * 26 mm, bottom 35 mm (a 156 × 225 mm text block), a grid of 22 lines × 28 characters, the
 * prescribed fonts and sizes per heading level, and "— 1 —" page numbers right on odd and left on
 * even pages. Fonts are named, not embedded; the document defaults name widespread fallbacks.
 */
final class GbDocumentWriter {

    // Twips (1/20 pt); 1 mm = 56.69 twips.
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_TOP = 2098;     // 37 mm
    static final int MARGIN_LEFT = 1587;    // 28 mm
    static final int TEXT_WIDTH = 8844;     // 156 mm
    static final int TEXT_HEIGHT = 12756;   // 225 mm
    static final int MARGIN_RIGHT = PAGE_WIDTH - MARGIN_LEFT - TEXT_WIDTH;    // 1475 = 26 mm
    static final int MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - TEXT_HEIGHT;  // 1984 = 35 mm
    /** 225 mm / 22 lines. */
    static final int LINE_PITCH = TEXT_HEIGHT / 22;                           // 579 twips = 28.95 pt
    /** 156 mm / 28 characters is 15.79 pt per character; Word counts the difference to 16 pt in 1/4096 pt. */
    static final int CHAR_SPACE = -849;

    static final String BODY_FONT = "仿宋_GB2312";
    static final String TITLE_FONT = "方正小标宋简体";
    static final String HEADING1_FONT = "黑体";
    static final String HEADING2_FONT = "楷体_GB2312";
    static final String PAGE_NUMBER_FONT = "宋体";
    /** What renders where the named fonts are not installed (Word, WPS and LibreOffice all know these). */
    static final String FALLBACK_FONT = "仿宋";
    static final String EVIDENCE_STYLE = "Evidence";

    static final int BODY_SIZE = 32;     // half-points: 三号 16 pt
    static final int TITLE_SIZE = 44;    // 二号 22 pt
    static final int PAGE_NUMBER_SIZE = 28; // 四号 14 pt
    static final int CHAR = 320;         // one character of body text, in twips

    private GbDocumentWriter() {
    }

    /**
     * An empty document with the GB/T 9704 page (A4, margins, 22 × 28 grid), the document defaults and
     * font table, and the "— 1 —" page numbers: the built-in writer and the example template both start here.
     */
    static XWPFDocument document() {
        XWPFDocument doc = new XWPFDocument();
        try {
            defaults(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fontTable(doc);
        page(doc);
        footers(doc);
        return doc;
    }

    static byte[] write(WordReport report) {
        try (XWPFDocument doc = document(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, false);
            run(title, report.title(), TITLE_FONT, TITLE_SIZE);
            paragraph(doc, ParagraphAlignment.LEFT, false); // one empty line below the title
            if (report.addressee() != null && !report.addressee().isBlank()) {
                run(paragraph(doc, ParagraphAlignment.LEFT, false), report.addressee() + "：", BODY_FONT, BODY_SIZE);
            }
            int heading1 = 0;
            int heading2 = 0;
            for (ReportContent.Block block : report.blocks()) {
                switch (block.type()) {
                    case HEADING1 -> {
                        heading2 = 0;
                        run(paragraph(doc, ParagraphAlignment.BOTH, true),
                                WordReport.chineseNumber(++heading1) + "、" + block.heading(), HEADING1_FONT, BODY_SIZE);
                    }
                    case HEADING2 -> run(paragraph(doc, ParagraphAlignment.BOTH, true),
                            "（" + WordReport.chineseNumber(++heading2) + "）" + block.heading(), HEADING2_FONT, BODY_SIZE);
                    case PARAGRAPH -> { }
                }
                for (String line : block.lineTexts()) {
                    run(paragraph(doc, ParagraphAlignment.BOTH, true), line, BODY_FONT, BODY_SIZE);
                }
                for (String text : block.paragraphs()) {
                    run(paragraph(doc, ParagraphAlignment.BOTH, true), text, BODY_FONT, BODY_SIZE);
                }
            }
            signature(doc, report);
            appendix(doc, report.appendix());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signature(XWPFDocument doc, WordReport report) {
        if (!report.appendix().isEmpty()) {
            paragraph(doc, ParagraphAlignment.LEFT, false);
            run(paragraph(doc, ParagraphAlignment.BOTH, true), "附件：数据来源清单", BODY_FONT, BODY_SIZE);
        }
        paragraph(doc, ParagraphAlignment.LEFT, false);
        paragraph(doc, ParagraphAlignment.LEFT, false);
        // 发文机关署名 and 成文日期 right-aligned, four characters from the right edge.
        XWPFParagraph unit = paragraph(doc, ParagraphAlignment.RIGHT, false);
        unit.setIndentationRight(4 * CHAR);
        run(unit, report.unitName(), BODY_FONT, BODY_SIZE);
        XWPFParagraph date = paragraph(doc, ParagraphAlignment.RIGHT, false);
        date.setIndentationRight(4 * CHAR);
        run(date, report.date(), BODY_FONT, BODY_SIZE);
    }

    /**
     * 附件 on a page of its own: per figure "1.label：value", then in the Evidence style its sources, the
     * records behind it not listed before ("（1）2026年12月28日　会议　title") and the numbers of those that were.
     */
    private static void appendix(XWPFDocument doc, List<WordReport.AppendixEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        XWPFParagraph label = paragraph(doc, ParagraphAlignment.LEFT, false);
        label.setPageBreak(true);
        run(label, "附件", HEADING1_FONT, BODY_SIZE);
        paragraph(doc, ParagraphAlignment.LEFT, false);
        run(paragraph(doc, ParagraphAlignment.CENTER, false), "数据来源清单", TITLE_FONT, TITLE_SIZE);
        paragraph(doc, ParagraphAlignment.LEFT, false);
        for (WordReport.AppendixEntry entry : entries) {
            run(paragraph(doc, ParagraphAlignment.BOTH, true), entry.number() + "." + entry.label() + "：" + entry.value(),
                    BODY_FONT, BODY_SIZE);
            if (!entry.sources().isEmpty()) {
                XWPFParagraph line = evidence(doc);
                line.createRun().setText("来源：");
                for (int i = 0; i < entry.sources().size(); i++) {
                    WordReport.Link source = entry.sources().get(i);
                    if (i > 0) {
                        line.createRun().setText("、");
                    }
                    text(line, source.text(), source.url());
                }
            }
            // Hundreds of these lines: their layout and font come from a style, not from each paragraph.
            for (WordReport.AppendixRecord record : entry.records()) {
                XWPFParagraph line = evidence(doc);
                line.createRun().setText("（" + record.number() + "）");
                text(line, record.line(), record.url());
            }
            if (!entry.seeAlso().isEmpty()) {
                evidence(doc).createRun().setText("另见上列记录" + String.join("、",
                        entry.seeAlso().stream().map(k -> "（" + k + "）").toList()));
            }
        }
    }

    private static XWPFParagraph evidence(XWPFDocument doc) {
        XWPFParagraph line = doc.createParagraph();
        line.setStyle(EVIDENCE_STYLE);
        return line;
    }

    /** Text, linked to {@code url} when there is one. */
    private static void text(XWPFParagraph p, String text, String url) {
        XWPFRun run = url == null ? p.createRun() : p.createHyperlinkRun(url);
        run.setText(text);
    }

    static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment, boolean indent) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTSpacing spacing = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
        spacing.setLine(BigInteger.valueOf(LINE_PITCH));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        if (indent) {
            // Two characters, given both in characters (Word, WPS) and in twips (LibreOffice).
            var ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
            ind.setFirstLineChars(BigInteger.valueOf(200));
            ind.setFirstLine(BigInteger.valueOf(2L * CHAR));
        }
        return p;
    }

    static XWPFRun run(XWPFParagraph p, String text, String font, int halfPoints) {
        XWPFRun r = p.createRun();
        r.setText(text);
        fonts(r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr(), font, halfPoints);
        return r;
    }

    private static void fonts(CTRPr rpr, String font, int halfPoints) {
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    }

    /**
     * The official-document fonts are often not installed (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体): the
     * font table names for each the font that Word, WPS and LibreOffice use instead (w:altName).
     */
    static final java.util.Map<String, String> ALTERNATES = java.util.Map.of(
            BODY_FONT, "仿宋", HEADING2_FONT, "楷体", TITLE_FONT, "宋体", HEADING1_FONT, "SimHei", PAGE_NUMBER_FONT, "SimSun");

    private static void fontTable(XWPFDocument doc) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        ALTERNATES.forEach((font, alternate) -> xml.append("<w:font w:name=\"").append(font).append("\">")
                .append("<w:altName w:val=\"").append(alternate).append("\"/>")
                // 86 = GB2312 character set
                .append("<w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"));
        xml.append("</w:fonts>");
        try {
            var name = org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName("/word/fontTable.xml");
            var part = doc.getPackage().createPart(name,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
            try (var out = part.getOutputStream()) {
                out.write(xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(name, org.apache.poi.openxml4j.opc.TargetMode.INTERNAL,
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | IOException e) {
            throw new IllegalStateException("cannot write the font table", e);
        }
    }

    private static void defaults(XWPFDocument doc) throws IOException {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = styles.addNewDocDefaults();
        CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(FALLBACK_FONT);
        fonts.setHAnsi(FALLBACK_FONT);
        fonts.setEastAsia(FALLBACK_FONT);
        fonts.setCs(FALLBACK_FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(BODY_SIZE));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(BODY_SIZE));
        var lang = rpr.addNewLang();
        lang.setVal("en-US");
        lang.setEastAsia("zh-CN");
        evidenceStyle(styles);
        doc.createStyles().setStyles(styles);
    }

    /** The lines of the appendix: body text (仿宋_GB2312 三号, fixed line pitch, indented two characters). */
    private static void evidenceStyle(CTStyles styles) {
        CTStyle style = styles.addNewStyle();
        style.setType(STStyleType.PARAGRAPH);
        style.setStyleId(EVIDENCE_STYLE);
        style.addNewName().setVal("Evidence");
        CTPPrGeneral ppr = style.addNewPPr();
        ppr.addNewJc().setVal(STJc.BOTH);
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setLine(BigInteger.valueOf(LINE_PITCH));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        var ind = ppr.addNewInd();
        ind.setFirstLineChars(BigInteger.valueOf(200));
        ind.setFirstLine(BigInteger.valueOf(2L * CHAR));
        fonts(style.addNewRPr(), BODY_FONT, BODY_SIZE);
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        // Page number 7 mm below the text block (GB/T 9704 7.5): footer distance = bottom margin - 7 mm - one line.
        margins.setFooter(BigInteger.valueOf(MARGIN_BOTTOM - 397 - 400));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
        grid.setCharSpace(BigInteger.valueOf(CHAR_SPACE));
    }

    private static void footers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    /** "— n —" in 四号 宋体, one character in from the outer edge. */
    private static void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(alignment);
        if (alignment == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(280);
        } else {
            p.setIndentationLeft(280);
        }
        run(p, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
        run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instruction = run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
        instruction.getCTR().removeT(0);
        var instr = instruction.getCTR().addNewInstrText();
        instr.setStringValue(" PAGE ");
        instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
        run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
        // The page number's digits are half-width 宋体 (Arial-free): name the ASCII font explicitly.
        p.getRuns().forEach(r -> {
            CTFonts f = r.getCTR().getRPr().getRFontsArray(0);
            f.setAscii(PAGE_NUMBER_FONT);
            f.setHAnsi(PAGE_NUMBER_FONT);
        });
    }

    static void pageBreak(XWPFParagraph p) {
        p.createRun().addBreak(BreakType.PAGE);
    }
}
