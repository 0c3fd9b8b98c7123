package org.luoshi.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlCursor;
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
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;

/**
 * Writes a report as a GB/T 9704-2012 document with POI: A4, margins top 37 mm, left 28 mm, right
 * 26 mm, bottom 35 mm (a 156 × 225 mm text block), 22 lines × 28 characters, the prescribed fonts and
 * sizes per heading level, the signature block of 7.3.5.2 and "— 1 —" page numbers right on odd and left
 * on even pages. Fonts are named, not embedded; the document defaults name widespread fallbacks.
 *
 * <p>The 28 characters come from the characters themselves, not from a character grid: every run is
 * condensed by {@link #RUN_SPACING}, so that 28 characters of 三号 fit the 156 mm line and a 29th does
 * not, in any program. Word, WPS and LibreOffice size a character grid differently (LibreOffice takes the
 * cell from the default style's East Asian size, 12 pt unless stated, and gave 18 characters per line);
 * a line grid ({@code docGrid type="lines"}) of 225 mm / 22 they all keep alike.
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
    /** Every character condensed by 0.25 pt: 28 × (320 - 5) = 8820 twips fit the 8844 of a line, 29 do not. */
    static final int RUN_SPACING = -5;
    /** 156 mm / 28: one 字 of the text block, the unit of GB/T 9704's 空二字 and 空一字. */
    static final double CHAR_PITCH = TEXT_WIDTH / 28.0;

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
    /** Where a character of body text ends and the next begins on a line that is not justified. */
    static final int ADVANCE = CHAR + RUN_SPACING;

    /**
     * The fonts a document names, per level, and for each the font Word and WPS take where it is missing
     * (w:altName in the font table). The PDF maps each name to an installed face by fontconfig
     * ({@code fontconfig/luoshi-fonts.conf}).
     *
     * @param language the East Asian language of the text (w:lang), which picks the glyph forms
     * @param charset the font table's character set: 86 GB2312, 136 Big5
     * @param boldTitle the title font has no heavy cut of its own, so the title asks for bold
     */
    record Fonts(String body, String title, String heading1, String heading2, String pageNumber, String fallback,
            String language, int charset, boolean boldTitle, Map<String, String> alternates) {

        /** The fonts of GB/T 9704: 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体 page numbers. */
        static final Fonts SIMPLIFIED = new Fonts(BODY_FONT, TITLE_FONT, HEADING1_FONT, HEADING2_FONT,
                PAGE_NUMBER_FONT, FALLBACK_FONT, "zh-CN", 86, false, ordered(
                        BODY_FONT, "仿宋", TITLE_FONT, "宋体", HEADING1_FONT, "SimHei", HEADING2_FONT, "楷体",
                        PAGE_NUMBER_FONT, "SimSun", FALLBACK_FONT, "FangSong"));

        /**
         * 繁體: the GB2312 fonts have no traditional glyphs, so the same levels take the Windows fonts that do
         * (Taiwan forms): 新細明體 (a 明體, the serif) for the body and, bold, for the title, 微軟正黑體 for 一、,
         * 標楷體 for （一）.
         */
        static final Fonts TRADITIONAL = new Fonts("新細明體", "新細明體", "微軟正黑體", "標楷體", "新細明體",
                "新細明體", "zh-TW", 136, true, ordered(
                        "新細明體", "PMingLiU", "微軟正黑體", "Microsoft JhengHei", "標楷體", "DFKai-SB"));

        static Fonts of(boolean traditional) {
            return traditional ? TRADITIONAL : SIMPLIFIED;
        }

        private static Map<String, String> ordered(String... pairs) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put(pairs[i], pairs[i + 1]);
            }
            return Collections.unmodifiableMap(map);
        }
    }

    private GbDocumentWriter() {
    }

    /** {@link #document(Fonts)} with the simplified fonts: what the example template starts from. */
    static XWPFDocument document() {
        return document(Fonts.SIMPLIFIED);
    }

    /**
     * An empty document with the GB/T 9704 page (A4, margins, 22-line grid), the document defaults, the
     * font table and settings, and the "— 1 —" page numbers: the built-in writer and the example template
     * both start here.
     */
    static XWPFDocument document(Fonts fonts) {
        XWPFDocument doc = new XWPFDocument();
        try {
            defaults(doc, fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fontTable(doc, fonts);
        page(doc);
        footers(doc, fonts);
        settings(doc);
        return doc;
    }

    static byte[] write(WordReport report) {
        return write(report, false);
    }

    /** The report as .docx; {@code traditional}: its text is in traditional characters, so it names the 繁體 fonts. */
    static byte[] write(WordReport report, boolean traditional) {
        Fonts fonts = Fonts.of(traditional);
        try (XWPFDocument doc = document(fonts); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            title(doc, report.title(), fonts);
            paragraph(doc, ParagraphAlignment.LEFT, false); // one empty line below the title
            if (report.addressee() != null && !report.addressee().isBlank()) {
                run(paragraph(doc, ParagraphAlignment.LEFT, false), report.addressee() + "：", fonts.body(), BODY_SIZE);
            }
            int heading1 = 0;
            int heading2 = 0;
            for (ReportContent.Block block : report.blocks()) {
                switch (block.type()) {
                    case HEADING1 -> {
                        heading2 = 0;
                        run(paragraph(doc, ParagraphAlignment.BOTH, true),
                                WordReport.chineseNumber(++heading1) + "、" + block.heading(), fonts.heading1(), BODY_SIZE);
                    }
                    case HEADING2 -> run(paragraph(doc, ParagraphAlignment.BOTH, true),
                            "（" + WordReport.chineseNumber(++heading2) + "）" + block.heading(), fonts.heading2(), BODY_SIZE);
                    case PARAGRAPH -> { }
                }
                for (String line : block.lineTexts()) {
                    run(paragraph(doc, ParagraphAlignment.BOTH, true), line, fonts.body(), BODY_SIZE);
                }
                for (String text : block.paragraphs()) {
                    run(paragraph(doc, ParagraphAlignment.BOTH, true), text, fonts.body(), BODY_SIZE);
                }
            }
            if (!report.appendix().isEmpty()) {
                // 附件说明: below the body after one empty line, two characters in
                paragraph(doc, ParagraphAlignment.LEFT, false);
                run(paragraph(doc, ParagraphAlignment.BOTH, true), "附件：数据来源清单", fonts.body(), BODY_SIZE);
            }
            signature(doc, report.unitName(), report.date(), fonts);
            appendix(doc, report.appendix(), fonts);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The title, centred, in lines broken where {@link TitleLines} chooses (at a phrase boundary, lines of
     * balanced length) by line breaks that the user can move in Word. Its lines keep the 22-line grid's pitch:
     * off the grid, since a 22 pt line on it would take two grid lines in LibreOffice.
     */
    private static void title(XWPFDocument doc, String title, Fonts fonts) {
        XWPFParagraph p = paragraph(doc, ParagraphAlignment.CENTER, false);
        p.getCTP().getPPr().addNewSnapToGrid().setVal(STOnOff1.OFF);
        List<String> lines = TitleLines.of(title, (double) TEXT_WIDTH / (TITLE_SIZE * 10 + RUN_SPACING));
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                run(p, "", fonts.title(), TITLE_SIZE).addBreak();
            }
            run(p, lines.get(i), fonts.title(), TITLE_SIZE);
        }
        if (fonts.boldTitle()) {
            p.getRuns().forEach(r -> r.setBold(true));
        }
    }

    /**
     * 发文机关署名 and 成文日期 as GB/T 9704-2012 7.3.5.2 lays them out for a document without a seal (the PDF
     * the product makes carries none): one empty line below the body, the 署名 右空二字, the date on the next line
     * beginning two characters right of the 署名's first; when the date is the longer, the date 右空二字 and
     * the 署名 two characters left of the date's first. The line that keeps 二字 from the edge is right-aligned,
     * exact whatever the font; the other is indented from it by the estimated width of the two. A date less
     * than half a 字 shorter than the 署名 counts as the longer: its width is an estimate that differs by some
     * tenths between fonts and programs, and the date must not run into the margin or onto a second line.
     */
    static void signature(XWPFDocument doc, String unit, String date, Fonts fonts) {
        paragraph(doc, ParagraphAlignment.LEFT, false).getCTP().getPPr().addNewKeepNext();
        double unitWidth = characters(unit) * ADVANCE;
        double dateWidth = characters(date) * ADVANCE;
        double end = TEXT_WIDTH - 2 * CHAR_PITCH;
        // 7.3.5.2 shifts the date two 字 right of the 署名's first: where that would carry it past the
        // 署名's end (a date in Arabic numerals is often nearly as long), it counts as the longer, is set
        // 右空二字 and the 署名 moves left, so that nothing passes 右空二字 (e.g. 2027年1月2日 under 中共柳溪镇委员会)
        boolean dateLonger = dateWidth > unitWidth - 2 * ADVANCE;
        XWPFParagraph unitLine = paragraph(doc, dateLonger ? ParagraphAlignment.LEFT : ParagraphAlignment.RIGHT, false);
        unitLine.getCTP().getPPr().addNewKeepNext();
        XWPFParagraph dateLine = paragraph(doc, dateLonger ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT, false);
        if (dateLonger) {
            dateLine.setIndentationRight((int) Math.round(2 * CHAR_PITCH));
            unitLine.setIndentationLeft((int) Math.round(Math.max(0, end - dateWidth - 2 * ADVANCE)));
        } else {
            unitLine.setIndentationRight((int) Math.round(2 * CHAR_PITCH));
            dateLine.setIndentationLeft((int) Math.round(Math.max(0, end - unitWidth + 2 * ADVANCE)));
        }
        run(unitLine, unit, fonts.body(), BODY_SIZE);
        run(dateLine, date, fonts.body(), BODY_SIZE);
    }

    /**
     * The estimated width of a line of text in characters of its size (字): a Chinese character or full-width
     * mark is one, a digit or Latin letter about 0.55 (half-width faces are 0.5, the substitutes' proportional
     * digits wider), and every change between the two adds a fifth, the space Word, WPS and LibreOffice put
     * between Chinese and Latin text.
     */
    static double characters(String text) {
        double width = 0;
        Boolean previousHalf = null;
        for (int c : text.codePoints().toArray()) {
            boolean half = c < 0x2000;
            width += half ? 0.55 : 1;
            if (previousHalf != null && previousHalf != half && !Character.isWhitespace(c)) {
                width += 0.2;
            }
            previousHalf = half;
        }
        return width;
    }

    /**
     * 附件 on a page of its own: per figure "1.label：value", then in the Evidence style its sources, the
     * records behind it not listed before ("（1）2026年12月28日　会议　title") and the numbers of those that were.
     */
    private static void appendix(XWPFDocument doc, List<WordReport.AppendixEntry> entries, Fonts fonts) {
        if (entries.isEmpty()) {
            return;
        }
        XWPFParagraph label = paragraph(doc, ParagraphAlignment.LEFT, false);
        label.setPageBreak(true);
        run(label, "附件", fonts.heading1(), BODY_SIZE);
        paragraph(doc, ParagraphAlignment.LEFT, false);
        title(doc, "数据来源清单", fonts);
        paragraph(doc, ParagraphAlignment.LEFT, false);
        for (WordReport.AppendixEntry entry : entries) {
            run(paragraph(doc, ParagraphAlignment.BOTH, true), entry.number() + "." + entry.label() + "：" + entry.value(),
                    fonts.body(), BODY_SIZE);
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
            ind.setFirstLine(BigInteger.valueOf(2L * ADVANCE));
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
     * Every font the document names, with the font Word and WPS take where it is missing (w:altName), so
     * that the table is complete: the official fonts are often not installed (仿宋_GB2312, 方正小标宋简体).
     */
    private static void fontTable(XWPFDocument doc, Fonts fonts) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        fonts.alternates().forEach((font, alternate) -> xml.append("<w:font w:name=\"").append(font).append("\">")
                .append("<w:altName w:val=\"").append(alternate).append("\"/>")
                .append("<w:charset w:val=\"").append(fonts.charset()).append("\"/>")
                .append("<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"));
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

    /**
     * Document defaults and the Normal style: 三号 in the fallback font, every character condensed by
     * {@link #RUN_SPACING}, the 22-line pitch; Normal names the body font, so text a user adds in Word is body text.
     */
    private static void defaults(XWPFDocument doc, Fonts fonts) throws IOException {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = styles.addNewDocDefaults();
        CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
        CTFonts names = rpr.addNewRFonts();
        names.setAscii(fonts.fallback());
        names.setHAnsi(fonts.fallback());
        names.setEastAsia(fonts.fallback());
        names.setCs(fonts.fallback());
        rpr.addNewSpacing().setVal(BigInteger.valueOf(RUN_SPACING));
        rpr.addNewSz().setVal(BigInteger.valueOf(BODY_SIZE));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(BODY_SIZE));
        var lang = rpr.addNewLang();
        lang.setVal("en-US");
        lang.setEastAsia(fonts.language());
        CTPPrGeneral ppr = defaults.addNewPPrDefault().addNewPPr();
        // Punctuation stays inside the text block: a line that would end in it gives a character to the next
        // line. LibreOffice reads w:overflowPunct inverted (on: no hanging; Word: on allows hanging, its default),
        // so the value that keeps the PDF's right edge exact is on, and Word and WPS hang punctuation as they do
        // by default.
        ppr.addNewOverflowPunct().setVal(STOnOff1.ON);
        // Every page holds 22 lines: no line of a paragraph is moved to the next page to avoid a widow or orphan.
        ppr.addNewWidowControl().setVal(STOnOff1.OFF);
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setLine(BigInteger.valueOf(LINE_PITCH));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        CTStyle normal = styles.addNewStyle();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setDefault(true);
        normal.setStyleId("Normal");
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        normal.addNewPPr().addNewJc().setVal(STJc.BOTH);
        fonts(normal.addNewRPr(), fonts.body(), BODY_SIZE);
        evidenceStyle(styles, fonts);
        doc.createStyles().setStyles(styles);
    }

    /** The lines of the appendix: body text (三号 body font, fixed line pitch, indented two characters). */
    private static void evidenceStyle(CTStyles styles, Fonts fonts) {
        CTStyle style = styles.addNewStyle();
        style.setType(STStyleType.PARAGRAPH);
        style.setStyleId(EVIDENCE_STYLE);
        style.addNewName().setVal("Evidence");
        style.addNewBasedOn().setVal("Normal");
        CTPPrGeneral ppr = style.addNewPPr();
        ppr.addNewJc().setVal(STJc.BOTH);
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setLine(BigInteger.valueOf(LINE_PITCH));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        var ind = ppr.addNewInd();
        ind.setFirstLineChars(BigInteger.valueOf(200));
        ind.setFirstLine(BigInteger.valueOf(2L * ADVANCE));
        fonts(style.addNewRPr(), fonts.body(), BODY_SIZE);
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
        margins.setFooter(BigInteger.valueOf(FOOTER_DISTANCE));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
    }

    /**
     * Word opens a file without a compatibility mode as a Word 2007 document (兼容模式); 15 is current Word.
     * Full-width punctuation is not compressed, so that each takes one 字 as the 28-character line counts it.
     */
    private static void settings(XWPFDocument doc) {
        String w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        try (XmlCursor cursor = doc.getSettings().getCTSettings().newCursor()) {
            cursor.toEndToken();
            cursor.beginElement(new QName(w, "characterSpacingControl", "w"));
            cursor.insertAttributeWithValue(new QName(w, "val", "w"), "doNotCompress");
            cursor.toNextToken();
            cursor.beginElement(new QName(w, "compat", "w"));
            cursor.beginElement(new QName(w, "compatSetting", "w"));
            cursor.insertAttributeWithValue(new QName(w, "name", "w"), "compatibilityMode");
            cursor.insertAttributeWithValue(new QName(w, "uri", "w"), "http://schemas.microsoft.com/office/word");
            cursor.insertAttributeWithValue(new QName(w, "val", "w"), "15");
        }
    }

    /**
     * The page number's line: GB/T 9704 7.5 puts the 一字线 (the dashes) 7 mm below the text block. The footer
     * holds one line {@link #FOOTER_LINE} high at a fixed pitch, its bottom {@link #FOOTER_DISTANCE} above the
     * page's edge; a dash of 四号 is drawn {@link #DASH_ABOVE_LINE_BOTTOM} above the bottom of that line
     * (measured in LibreOffice's PDF, where GbPdfLayoutTest checks the 7 mm).
     */
    static final int FOOTER_LINE = 400;
    static final int DASH_ABOVE_LINE_BOTTOM = 158;
    static final int SEVEN_MM = 397;
    static final int FOOTER_DISTANCE = MARGIN_BOTTOM - SEVEN_MM - DASH_ABOVE_LINE_BOTTOM;

    private static void footers(XWPFDocument doc, Fonts fonts) {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT, fonts);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT, fonts);
    }

    /** "— n —" in 四号 半角 digits, one 字 in from the outer edge (空一字). */
    private static void pageNumber(XWPFFooter footer, ParagraphAlignment alignment, Fonts fonts) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(alignment);
        p.setSpacingBetween(FOOTER_LINE / 20.0, LineSpacingRule.EXACT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        int oneCharacter = (int) Math.round(CHAR_PITCH);
        if (alignment == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(oneCharacter);
        } else {
            p.setIndentationLeft(oneCharacter);
        }
        String font = fonts.pageNumber();
        run(p, "— ", font, PAGE_NUMBER_SIZE);
        run(p, "", font, PAGE_NUMBER_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instruction = run(p, "", font, PAGE_NUMBER_SIZE);
        instruction.getCTR().removeT(0);
        var instr = instruction.getCTR().addNewInstrText();
        instr.setStringValue(" PAGE ");
        instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        run(p, "", font, PAGE_NUMBER_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", font, PAGE_NUMBER_SIZE);
        run(p, "", font, PAGE_NUMBER_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", font, PAGE_NUMBER_SIZE);
    }

    static void pageBreak(XWPFParagraph p) {
        p.createRun().addBreak(BreakType.PAGE);
    }
}
