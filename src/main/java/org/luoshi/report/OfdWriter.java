package org.luoshi.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ofdrw.font.Font;
import org.ofdrw.font.FontName;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.PageAreaFiller;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.Span;
import org.ofdrw.layout.element.TextAlign;

/**
 * A report as OFD (GB/T 33190), the format archives take, laid out by ofdrw from the same {@link WordReport}
 * as the built-in Word file: A4, the GB/T 9704 text block, 22 lines of 28 characters, the same faces named (not
 * embedded, as in the .docx) and the same order of title, addressee, headings, text, signature and appendix.
 * Text stays text (searchable, extractable), which a PDF converted by ofdrw would not: it draws glyphs as paths.
 * A custom template shapes only the .docx; the OFD follows the built-in layout.
 */
final class OfdWriter {

    static final String CONTENT_TYPE = "application/ofd";

    private static final double TWIPS_PER_MM = 1440 / 25.4;
    private static final double MM_PER_POINT = 25.4 / 72;
    private static final double TOP = GbDocumentWriter.MARGIN_TOP / TWIPS_PER_MM;
    private static final double LEFT = GbDocumentWriter.MARGIN_LEFT / TWIPS_PER_MM;
    private static final double WIDTH = GbDocumentWriter.TEXT_WIDTH / TWIPS_PER_MM;
    private static final double HEIGHT = GbDocumentWriter.TEXT_HEIGHT / TWIPS_PER_MM;
    /** One line of the 22 on a page. */
    private static final double PITCH = HEIGHT / 22;
    private static final double BODY = GbDocumentWriter.BODY_SIZE / 2.0 * MM_PER_POINT;
    private static final double TITLE = GbDocumentWriter.TITLE_SIZE / 2.0 * MM_PER_POINT;
    private static final double PAGE_NUMBER = GbDocumentWriter.PAGE_NUMBER_SIZE / 2.0 * MM_PER_POINT;
    /** A 16 pt character is 5.64 mm, and 28 of them would not fit in 156 mm: each gives up what is too much. */
    private static final double LETTER_SPACING = WIDTH / 28 - BODY;

    private OfdWriter() {
    }

    static byte[] write(WordReport report, GbDocumentWriter.Fonts fonts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDDoc doc = new OFDDoc(out)) {
            PageLayout page = PageLayout.A4();
            page.setMargin(TOP, PageLayout.A4().getWidth() - LEFT - WIDTH, PageLayout.A4().getHeight() - TOP - HEIGHT,
                    LEFT);
            doc.setDefaultPageLayout(page);
            doc.onPage(vPage -> vPage.add(pageNumber(vPage.getPageNum())));
            for (Div<?> div : divs(report, fonts)) {
                doc.add(div);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The paragraphs in the order the built-in Word file has them. */
    private static List<Div<?>> divs(WordReport report, GbDocumentWriter.Fonts fonts) {
        List<Div<?>> divs = new ArrayList<>();
        divs.add(line(report.title(), fonts.title(), TITLE, TextAlign.center, false));
        divs.add(blank(fonts));
        if (report.addressee() != null && !report.addressee().isBlank()) {
            divs.add(line(report.addressee() + "：", fonts.body(), BODY, TextAlign.left, false));
        }
        int heading1 = 0;
        int heading2 = 0;
        for (ReportContent.Block block : report.blocks()) {
            switch (block.type()) {
                case HEADING1 -> {
                    heading2 = 0;
                    divs.add(body(WordReport.chineseNumber(++heading1) + "、" + block.heading(),
                            fonts.heading1()));
                }
                case HEADING2 -> divs.add(body("（" + WordReport.chineseNumber(++heading2) + "）" + block.heading(),
                        fonts.heading2()));
                case PARAGRAPH -> { }
            }
            block.lineTexts().forEach(line -> divs.add(body(line, fonts.body())));
            block.paragraphs().forEach(text -> divs.add(body(text, fonts.body())));
        }
        if (!report.appendix().isEmpty()) {
            divs.add(blank(fonts));
            divs.add(body("附件：数据来源清单", fonts.body()));
        }
        divs.add(blank(fonts));
        divs.add(blank(fonts));
        // 发文机关署名 and 成文日期 right-aligned, four characters from the right edge, as in the .docx
        for (String signature : List.of(report.unitName(), report.date())) {
            divs.add(line(signature, fonts.body(), BODY, TextAlign.right, false)
                    .setPaddingRight(4 * WIDTH / 28));
        }
        appendix(report.appendix(), divs, fonts);
        return divs;
    }

    /** 附件 on a page of its own, as in the .docx (its records as plain lines, without links). */
    private static void appendix(List<WordReport.AppendixEntry> entries, List<Div<?>> divs,
            GbDocumentWriter.Fonts fonts) {
        if (entries.isEmpty()) {
            return;
        }
        divs.add(new PageAreaFiller());
        divs.add(line("附件", fonts.heading1(), BODY, TextAlign.left, false));
        divs.add(blank(fonts));
        divs.add(line("数据来源清单", fonts.title(), TITLE, TextAlign.center, false));
        divs.add(blank(fonts));
        for (WordReport.AppendixEntry entry : entries) {
            divs.add(body(entry.number() + "." + entry.label() + "：" + entry.value(), fonts.body()));
            if (!entry.sources().isEmpty()) {
                divs.add(body("来源：" + String.join("、", entry.sources().stream().map(WordReport.Link::text).toList()),
                        fonts.body()));
            }
            entry.records().forEach(r -> divs.add(body("（" + r.number() + "）" + r.line(), fonts.body())));
            if (!entry.seeAlso().isEmpty()) {
                divs.add(body("另见上列记录" + String.join("、", entry.seeAlso().stream().map(k -> "（" + k + "）").toList()),
                        fonts.body()));
            }
        }
    }

    /** A body paragraph: 三号, first line indented two characters. */
    private static Paragraph body(String text, String font) {
        return line(text, font, BODY, TextAlign.left, true);
    }

    private static Paragraph line(String text, String font, double size, TextAlign align, boolean indent) {
        Paragraph p = new Paragraph();
        p.setWidth(WIDTH);
        p.setDefaultFont(face(font));
        p.setFontSize(size);
        // the line pitch of the grid, what is left of it after the characters; ofdrw adds it below the last line too
        p.setLineSpace(PITCH - size);
        p.setTextAlign(align);
        p.add(new Span(text).setFont(face(font)).setFontSize(size)
                .setLetterSpacing(size == BODY ? LETTER_SPACING : 0.0));
        if (indent) {
            p.setFirstLineIndentWidth(2 * WIDTH / 28);
        }
        return p;
    }

    private static Paragraph blank(GbDocumentWriter.Fonts fonts) {
        return line("\u3000", fonts.body(), BODY, TextAlign.left, false);
    }

    /** A face named, not embedded; Latin letters and digits half as wide as a Chinese character. */
    private static Font face(String name) {
        return new Font(name, name, null, FontName.NOTO_PRINTABLE_ASCII_WIDTH_MAP);
    }

    /**
     * "— 1 —" in 四号 宋体, 7 mm below the text block; odd pages on the right, even pages on the left, one
     * character from the edge of the block (GB/T 9704 7.5).
     */
    private static Paragraph pageNumber(int number) {
        Paragraph p = line("— " + number + " —", GbDocumentWriter.PAGE_NUMBER_FONT, PAGE_NUMBER,
                number % 2 == 1 ? TextAlign.right : TextAlign.left, false);
        p.setLineSpace(0.0);
        p.setWidth(WIDTH - 2 * BODY);
        p.setPosition(Position.Absolute);
        p.setXY(LEFT + BODY, TOP + HEIGHT + 7);
        return p;
    }
}
