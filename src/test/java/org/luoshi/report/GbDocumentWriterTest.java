package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;

/** The built-in Word output, reopened with POI: layout, fonts per level, page numbers and the figures. */
class GbDocumentWriterTest {

    static final int YEAR = 2025;
    final RecordedFigures ledger = new RecordedFigures();

    XWPFDocument write(long townshipId, RecordedFigures.Township township, boolean appendix) throws IOException {
        ledger.put(townshipId, township);
        ReportContent content = new ReportDraft(ReportKind.RESPONSIBILITY, "柳溪镇", YEAR, (String) null,
                ledger.figures(townshipId, YEAR)).build();
        WordReport word = WordReport.of(ReportDraft.title(ReportKind.RESPONSIBILITY, "柳溪镇", YEAR), "中共青禾县委宣传部",
                content, "中共柳溪镇委员会", ReportText.date(LocalDate.of(2026, 3, 5)), YEAR,
                appendix ? EvidenceAppendix.of(content, ledger.describe(townshipId, YEAR, EvidenceAppendix.hrefs(content)), "")
                        : List.of());
        return new XWPFDocument(new ByteArrayInputStream(GbDocumentWriter.write(word)));
    }

    @Test
    void pageFollowsGbT9704() throws Exception {
        try (XWPFDocument doc = write(1, RecordedFigures.demoYear(YEAR, 1), false)) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            // 37 mm top, 28 mm left; the text block is 156 x 225 mm (to the twip).
            assertThat(mm(sect.getPgMar().getTop())).isCloseTo(37.0, org.assertj.core.data.Offset.offset(0.05));
            assertThat(mm(sect.getPgMar().getLeft())).isCloseTo(28.0, org.assertj.core.data.Offset.offset(0.05));
            assertThat(mm(BigInteger.valueOf(11906).subtract((BigInteger) sect.getPgMar().getLeft())
                    .subtract((BigInteger) sect.getPgMar().getRight()))).isCloseTo(156.0, org.assertj.core.data.Offset.offset(0.05));
            assertThat(mm(BigInteger.valueOf(16838).subtract((BigInteger) sect.getPgMar().getTop())
                    .subtract((BigInteger) sect.getPgMar().getBottom()))).isCloseTo(225.0, org.assertj.core.data.Offset.offset(0.05));
            // A line grid of 22 lines fills the text block; every character condensed so that 28 of 16 pt fill the
            // width and a 29th does not (no character grid: Word, WPS and LibreOffice size its cells differently).
            assertThat(sect.getDocGrid().getType()).isEqualTo(STDocGrid.LINES);
            assertThat(sect.getDocGrid().isSetCharSpace()).isFalse();
            int pitch = ((BigInteger) sect.getDocGrid().getLinePitch()).intValue();
            assertThat(pitch * 22).isLessThanOrEqualTo(12756);
            assertThat(pitch * 23).isGreaterThan(12756);
            var defaults = doc.getStyle().getDocDefaults();
            int spacing = ((BigInteger) defaults.getRPrDefault().getRPr().getSpacingArray(0).getVal()).intValue();
            assertThat(28 * (320 + spacing)).isLessThanOrEqualTo(8844);
            assertThat(29 * (320 + spacing)).isGreaterThan(8844);
            // Word opens it as a current document, not in 兼容模式; punctuation is not compressed
            String settings = doc.getSettings().getCTSettings().xmlText();
            assertThat(settings).contains("w:name=\"compatibilityMode\"").contains("w:val=\"15\"")
                    .contains("doNotCompress");
            // a default paragraph style that is body text
            var normal = doc.getStyles().getStyle("Normal").getCTStyle();
            assertThat(normal.getDefault()).isNotNull();
            assertThat(normal.getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("仿宋_GB2312");
        }
    }

    @Test
    void theTitleBreaksBetweenPhrasesWithSingleSpacing() throws IOException {
        try (XWPFDocument doc = write(7, RecordedFigures.demoYear(YEAR, 7), false)) {
            XWPFParagraph title = doc.getParagraphs().get(0);
            // two lines, broken by a line break the user can move in Word, not inside 意识形态工作责任制
            assertThat(title.getRuns()).extracting(XWPFRun::text)
                    .containsExactly("关于柳溪镇2025年落实", "\n", "意识形态工作责任制情况的报告");
            assertThat(title.getCTP().getPPr().getSpacing().getLine()).isEqualTo(BigInteger.valueOf(GbDocumentWriter.LINE_PITCH));
        }
        double capacity = 8844.0 / 435;
        assertThat(TitleLines.of("关于柳溪镇2025年意识形态工作自查情况的报告", capacity))
                .containsExactly("关于柳溪镇2025年", "意识形态工作自查情况的报告");
        assertThat(TitleLines.of("柳溪镇2025年宣传思想工作总结", capacity)).containsExactly("柳溪镇2025年宣传思想工作总结");
        assertThat(TitleLines.of("关于东城街道2025年\n落实意识形态工作责任制情况的报告", capacity))
                .containsExactly("关于东城街道2025年", "落实意识形态工作责任制情况的报告");
    }

    @Test
    void aTraditionalDocumentNamesFontsWithTraditionalGlyphs() throws Exception {
        ledger.put(8, RecordedFigures.demoYear(YEAR, 8));
        ReportContent content = new ReportDraft(ReportKind.RESPONSIBILITY, "柳溪镇", YEAR, (String) null,
                ledger.figures(8, YEAR)).build();
        WordReport word = WordReport.of(ReportDraft.title(ReportKind.RESPONSIBILITY, "柳溪镇", YEAR), "中共青禾县委宣傳部",
                content, "中共柳溪鎮委員會", "2026年3月5日", YEAR, List.of());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(GbDocumentWriter.write(word, true)))) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            assertFont(ps.get(0), "新細明體", 22);
            assertThat(ps.get(0).getRuns().get(0).isBold()).isTrue();
            assertFont(find(ps, "一、"), "微軟正黑體", 16);
            assertFont(find(ps, "（一）"), "標楷體", 16);
            assertFont(find(ps, "全年理论学习中心组集中学习"), "新細明體", 16);
            var rpr = doc.getStyle().getDocDefaults().getRPrDefault().getRPr();
            assertThat(rpr.getLangArray(0).getEastAsia()).isEqualTo("zh-TW");
            assertThat(rpr.getRFontsArray(0).getEastAsia()).isEqualTo("新細明體");
            assertPageNumber(doc.getHeaderFooterPolicy().getDefaultFooter(), ParagraphAlignment.RIGHT, "新細明體");
            assertThat(fontTable(doc)).contains("<w:font w:name=\"標楷體\"><w:altName w:val=\"DFKai-SB\"/><w:charset w:val=\"136\"/>")
                    .doesNotContain("GB2312");
        }
    }

    @Test
    void fontsAndSizesPerLevel() throws Exception {
        try (XWPFDocument doc = write(2, RecordedFigures.demoYear(YEAR, 2), false)) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            XWPFParagraph title = ps.get(0);
            assertThat(title.getText().replace("\n", "")).isEqualTo("关于柳溪镇2025年落实意识形态工作责任制情况的报告");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertFont(title, "方正小标宋简体", 22);
            XWPFParagraph h1 = find(ps, "一、落实责任制的主要做法");
            assertFont(h1, "黑体", 16);
            XWPFParagraph h2 = find(ps, "（一）压实责任链条，健全工作体系");
            assertFont(h2, "楷体_GB2312", 16);
            assertThat(find(ps, "（六）加强阵地管理，守牢前沿阵地")).isNotNull();
            XWPFParagraph body = find(ps, "全年理论学习中心组集中学习");
            assertFont(body, "仿宋_GB2312", 16);
            assertThat(body.getCTP().getPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
            XWPFParagraph item = find(ps, "2.考评指标");
            assertFont(item, "仿宋_GB2312", 16);
            assertFont(find(ps, "二、存在的问题"), "黑体", 16);
            assertFont(find(ps, "三、下一步工作打算"), "黑体", 16);
            // GB/T 9704 7.3.5.2: the date (no leading zeros) two characters right of the 署名's first; here,
            // shifted so, it would pass the 署名's end: it is set 右空二字 and the 署名 moves left
            XWPFParagraph unit = find(ps, "中共柳溪镇委员会");
            XWPFParagraph date = find(ps, "2026年3月5日");
            assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(date.getIndentationRight()).isEqualTo((int) Math.round(2 * GbDocumentWriter.CHAR_PITCH));
            assertThat(unit.getIndentationLeft()).isEqualTo((int) Math.round(GbDocumentWriter.TEXT_WIDTH
                    - 2 * GbDocumentWriter.CHAR_PITCH - GbDocumentWriter.characters("2026年3月5日") * GbDocumentWriter.ADVANCE
                    - 2 * GbDocumentWriter.ADVANCE));
            // one empty line between the body and the 署名
            int at = ps.indexOf(unit);
            assertThat(ps.get(at - 1).getText()).isEmpty();
            assertThat(ps.get(at - 2).getText()).isNotEmpty();
            // Document defaults name a fallback that Word, WPS and LibreOffice resolve without the GB fonts.
            CTFonts defaults = doc.getStyle().getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0);
            assertThat(defaults.getEastAsia()).isEqualTo("仿宋");
            // The font table names a common alternate for each official-document font.
            String table = fontTable(doc);
            assertThat(table).contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>")
                    .contains("<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/>")
                    .contains("<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>")
                    // the default face too: the table names every font the document uses
                    .contains("<w:font w:name=\"仿宋\"><w:altName w:val=\"FangSong\"/>");
        }
    }

    @Test
    void pageNumbersAreFieldsRightOnOddLeftOnEvenPages() throws IOException {
        try (XWPFDocument doc = write(3, RecordedFigures.demoYear(YEAR, 3), false)) {
            assertThat(doc.getSettings().getEvenAndOddHeadings()).isTrue();
            XWPFFooter odd = doc.getHeaderFooterPolicy().getDefaultFooter();
            XWPFFooter even = doc.getHeaderFooterPolicy().getEvenPageFooter();
            assertPageNumber(odd, ParagraphAlignment.RIGHT, "宋体");
            assertPageNumber(even, ParagraphAlignment.LEFT, "宋体");
        }
    }

    @Test
    void everyFigureEqualsWhatTheLedgerHolds() throws IOException {
        RecordedFigures.Township township = RecordedFigures.demoYear(YEAR, 4);
        try (XWPFDocument doc = write(4, township, true)) {
            String text = new XWPFWordExtractor(doc).getText();
            // Computed here independently from the records.
            List<RecordedFigures.Rec> year = township.records().stream().filter(r -> r.date().getYear() == YEAR).toList();
            long study = year.stream().filter(r -> r.kind() == RecordedFigures.Kind.STUDY).count();
            long seminar = year.stream().filter(r -> r.kind() == RecordedFigures.Kind.SEMINAR).count();
            long committee = year.stream().filter(r -> r.kind() == RecordedFigures.Kind.COMMITTEE).count();
            long media = year.stream().filter(r -> r.kind() == RecordedFigures.Kind.MEDIA).count();
            long provincial = year.stream().filter(r -> r.kind() == RecordedFigures.Kind.MEDIA && r.level().equals("省级")).count();
            long opinions = year.stream().filter(r -> r.kind() == RecordedFigures.Kind.OPINION).count();
            long onTime = year.stream().filter(r -> r.kind() == RecordedFigures.Kind.OPINION && r.onTime()).count();
            int present = 0;
            int expected = 0;
            int speakers = 0;
            for (RecordedFigures.Rec r : year) {
                if (r.kind() == RecordedFigures.Kind.STUDY) {
                    // attendance counts the central group's sessions only
                    present += r.present();
                    expected += r.expected();
                }
                if (r.kind() == RecordedFigures.Kind.STUDY || r.kind() == RecordedFigures.Kind.SEMINAR) {
                    speakers += r.speakers();
                }
            }
            String attendance = new java.math.BigDecimal(present * 100.0 / expected)
                    .setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
            int faults = year.stream().filter(r -> r.kind() == RecordedFigures.Kind.VENUE_CHECK).mapToInt(RecordedFigures.Rec::faultsFixed).sum();
            assertThat(text).contains("召开党委会专题研究意识形态工作" + committee + "次")
                    .contains("集中学习" + study + "次，开展专题研讨" + seminar + "次，中心组成员出勤率" + attendance)
                    .contains("交流发言" + speakers + "人次")
                    .contains("登记网络舆情" + opinions + "件，已办结" + opinions + "件，其中按时处置" + onTime + "件")
                    .contains("已整改" + faults + "处")
                    .contains("由陈立新任组长")
                    .contains("中心组专题研讨每季度至少1次")
                    .doesNotContainIgnoringCase("xx");
            // News belongs to the annual summary, which states the placements by level.
            String summary = String.join("\n", new ReportDraft(ReportKind.PROPAGANDA_SUMMARY, "柳溪镇", YEAR, (String) null,
                    ledger.figures(4, YEAR)).build().blocks().stream().flatMap(b -> b.lineTexts().stream()).toList());
            assertThat(summary).contains("全年在各级媒体刊发稿件" + media + "篇");
            assertThat(provincial).isLessThanOrEqualTo(media);
            // Every figure is there; the only marker left asks for the problems the records cannot know.
            assertThat(org.apache.commons.lang3.StringUtils.countMatches(text, "待补充")).isEqualTo(1);
            assertThat(text).contains("【待补充：问题产生的原因，以及上述以外");
            // The appendix lists the records behind the figures by date, kind and title, not by address.
            assertThat(text).contains("数据来源清单").contains("学习　理论学习中心组集中学习（第1次）")
                    .doesNotContain("/ledger/records/");
            // Its record lines take body text's font, size and spacing from one paragraph style.
            XWPFParagraph line = find(doc.getParagraphs(), "（1）");
            assertThat(line.getStyle()).isEqualTo(GbDocumentWriter.EVIDENCE_STYLE);
            var style = doc.getStyles().getStyle(GbDocumentWriter.EVIDENCE_STYLE).getCTStyle();
            assertThat(style.getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("仿宋_GB2312");
            assertThat(((BigInteger) style.getRPr().getSzArray(0).getVal()).intValue()).isEqualTo(32);
            assertThat(((BigInteger) style.getPPr().getSpacing().getLine()).intValue()).isEqualTo(GbDocumentWriter.LINE_PITCH);
        }
    }

    @Test
    void anEmptyCategoryShowsMarkersNotNumbers() throws IOException {
        RecordedFigures.Township full = RecordedFigures.demoYear(YEAR, 5);
        RecordedFigures.Township noMedia = new RecordedFigures.Township(full.records().stream()
                .filter(r -> r.kind() != RecordedFigures.Kind.MEDIA).toList(), full.members(), null, null, 0, 1000);
        ledger.put(5, noMedia);
        ReportContent summary = new ReportDraft(ReportKind.PROPAGANDA_SUMMARY, "柳溪镇", YEAR, (String) null,
                ledger.figures(5, YEAR)).build();
        String text = String.join("\n", summary.blocks().stream().flatMap(b -> b.lineTexts().stream()).toList());
        assertThat(text).contains("新闻上稿：【待补充：新闻上稿记录（按媒体级别）】")
                .contains("【待补充：本年度量化考评结果】")
                .contains("【待补充：本年度检查发现的问题及整改记录】")
                .doesNotContain("上稿0").doesNotContainIgnoringCase("xx");
        ReportContent content = new ReportDraft(ReportKind.RESPONSIBILITY, "柳溪镇", YEAR, (String) null,
                FigureSet.empty(9, YEAR)).build();
        // With no records at all, every figure in the report is a marker; none of them reads as a number.
        List<ReportContent.Part> parts = content.figureParts();
        assertThat(parts).hasSizeGreaterThan(15);
        assertThat(parts.stream().filter(p -> !p.missing()).map(ReportContent.Part::text).toList())
                .allMatch(t -> !t.matches(".*\\d.*"));
    }

    @Test
    void traditionalChineseIsTheSameReportConverted() throws IOException {
        ledger.put(6, RecordedFigures.demoYear(YEAR, 6));
        ReportContent content = new ReportDraft(ReportKind.PROPAGANDA_SUMMARY, "柳溪镇", YEAR, (String) null,
                ledger.figures(6, YEAR)).build();
        WordReport word = WordReport.of(ReportDraft.title(ReportKind.PROPAGANDA_SUMMARY, "柳溪镇", YEAR), null,
                content, "中共柳溪镇委员会", "2026年1月8日", YEAR, List.of())
                .convert(com.github.houbb.opencc4j.util.ZhConverterUtil::toTraditional);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(GbDocumentWriter.write(word)))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).contains("宣傳思想工作總結").contains("理論武裝").doesNotContain("宣传思想工作总结");
        }
    }

    private static String fontTable(XWPFDocument doc) throws Exception {
        var relation = doc.getPackagePart().getRelationshipsByType(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
        assertThat(relation.size()).isEqualTo(1);
        try (var in = doc.getPackagePart().getRelatedPart(relation.getRelationship(0)).getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static double mm(Object twips) {
        return ((BigInteger) twips).doubleValue() / 1440 * 25.4;
    }

    private static XWPFParagraph find(List<XWPFParagraph> ps, String start) {
        return ps.stream().filter(p -> p.getText().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph starting with " + start + " in "
                        + ps.stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"))));
    }

    private static void assertFont(XWPFParagraph p, String font, int points) {
        assertThat(p.getRuns()).isNotEmpty();
        for (XWPFRun run : p.getRuns()) {
            CTFonts fonts = run.getCTR().getRPr().getRFontsArray(0);
            assertThat(fonts.getEastAsia()).as(p.getText()).isEqualTo(font);
            assertThat(fonts.getAscii()).isEqualTo(font);
            assertThat(run.getFontSizeAsDouble()).as(p.getText()).isEqualTo(points);
        }
    }

    private static void assertPageNumber(XWPFFooter footer, ParagraphAlignment alignment, String font) {
        XWPFParagraph p = footer.getParagraphs().get(0);
        assertThat(p.getAlignment()).isEqualTo(alignment);
        String xml = p.getCTP().xmlText();
        assertThat(xml).contains("fldCharType=\"begin\"").contains("PAGE").contains("fldCharType=\"end\"");
        assertThat(p.getText()).startsWith("— ").endsWith(" —");
        for (XWPFRun run : p.getRuns()) {
            assertThat(run.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo(font);
            assertThat(run.getCTR().getRPr().getRFontsArray(0).getAscii()).isEqualTo(font);
            assertThat(run.getFontSizeAsDouble()).isEqualTo(14.0);
        }
    }
}
