package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/**
 * The 含附件 download read on paper: the Word appendix is reopened with POI and its lines checked — one
 * line per record (date, kind, title), each record once, no ids or addresses, links only with a
 * public base URL.
 */
class EvidenceAppendixTest {

    static final int YEAR = 2025;
    static final String RECORD_LINE = "（\\d+）\\d{4}年[1-9]\\d?月[1-9]\\d?日　\\S+　.+";

    final RecordedFigures ledger = new RecordedFigures();

    ReportContent content(long townshipId) {
        ledger.put(townshipId, RecordedFigures.demoYear(YEAR, townshipId));
        return new ReportDraft(ReportKind.RESPONSIBILITY, "柳溪镇", YEAR, (String) null, ledger.figures(townshipId, YEAR)).build();
    }

    XWPFDocument write(long townshipId, ReportContent content, String baseUrl) throws Exception {
        List<WordReport.AppendixEntry> appendix = EvidenceAppendix.of(content,
                ledger.describe(townshipId, YEAR, EvidenceAppendix.hrefs(content)), baseUrl);
        WordReport word = WordReport.of("关于柳溪镇2025年落实意识形态工作责任制情况的报告", null, content, "中共柳溪镇委员会",
                "2026年3月5日", YEAR, appendix);
        return new XWPFDocument(new ByteArrayInputStream(GbDocumentWriter.write(word)));
    }

    /** The paragraphs after the appendix's title. */
    static List<XWPFParagraph> appendix(XWPFDocument doc) {
        List<XWPFParagraph> all = doc.getParagraphs();
        int start = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).getText().equals("数据来源清单")) {
                start = i;
            }
        }
        assertThat(start).as("the appendix's title").isPositive();
        return all.subList(start, all.size());
    }

    @Test
    void withoutAPublicAddressEachRecordIsOneLineOfDateKindAndTitleOnceAndNoIdOrAddress() throws Exception {
        ReportContent content = content(11);
        try (XWPFDocument doc = write(11, content, "")) {
            List<XWPFParagraph> appendix = appendix(doc);
            String text = String.join("\n", appendix.stream().map(XWPFParagraph::getText).toList());
            assertThat(text).doesNotContain("/ledger/records/").doesNotContain("/inspection/").doesNotContain("#")
                    .doesNotContain("http").doesNotContain(YEAR + "-");
            // the ids of the records (RecordedFigures numbers them from 1,100,000) appear nowhere
            assertThat(text).doesNotContainPattern("\\d{6,}");
            List<String> records = appendix.stream().map(XWPFParagraph::getText).filter(t -> t.matches("（\\d+）.*")).toList();
            assertThat(records).isNotEmpty().allMatch(line -> line.matches(RECORD_LINE), "date　kind　title");
            // the first figure with records of its own, the letters signed, lists them first, in date order
            assertThat(records.get(0)).matches("（1）2025年[1-9]\\d?月[1-9]\\d?日　责任书　签订意识形态工作责任书（第1次）");
            // the study sessions stand behind 中心组学习次数, 出勤率 and 交流发言人次: listed once, referred to after
            Set<String> withoutNumbers = new HashSet<>();
            for (String line : records) {
                assertThat(withoutNumbers.add(line.replaceFirst("（\\d+）", ""))).as("listed once: " + line).isTrue();
            }
            long distinct = content.figureParts().stream().flatMap(p -> p.links().stream()).map(EvidenceLink::href)
                    .filter(h -> h.startsWith("/ledger/records/")).distinct().count();
            assertThat(records).hasSize((int) distinct);
            assertThat(text).contains("另见上列记录（");
            // no links, only text
            assertThat(appendix.stream().flatMap(p -> p.getRuns().stream()).filter(r -> r instanceof XWPFHyperlinkRun)).isEmpty();
            assertThat(doc.getHyperlinks()).isEmpty();
        }
    }

    @Test
    void withAPublicAddressRecordsAndSourcesLinkToTheirPagesWithoutPrintingTheAddress() throws Exception {
        ReportContent content = content(12);
        try (XWPFDocument doc = write(12, content, "https://luoshi.example.gov.cn/")) {
            List<XWPFParagraph> appendix = appendix(doc);
            List<String> targets = new ArrayList<>();
            for (XWPFParagraph p : appendix) {
                for (XWPFRun run : p.getRuns()) {
                    if (run instanceof XWPFHyperlinkRun link) {
                        targets.add(link.getHyperlink(doc).getURL());
                    }
                }
            }
            assertThat(targets).isNotEmpty().allMatch(url -> url.startsWith("https://luoshi.example.gov.cn/"));
            assertThat(targets).anyMatch(url -> url.matches("https://luoshi\\.example\\.gov\\.cn/ledger/records/\\d+"));
            XWPFParagraph first = appendix.stream().filter(p -> p.getText().startsWith("（1）")).findFirst().orElseThrow();
            assertThat(first.getRuns()).anyMatch(r -> r instanceof XWPFHyperlinkRun);
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).doesNotContain("https://").doesNotContain("/ledger/records/");
        }
    }

    @Test
    void aRecordBehindTwoFiguresIsListedUnderTheFirstAndReferredToUnderTheSecond() {
        EvidenceLink list = new EvidenceLink("柳溪镇2025年学习台账", "/ledger/STUDY_SESSION?unitId=5&from=2025-01-01&to=2025-12-31");
        EvidenceLink a = new EvidenceLink("学习记录 #4711", "/ledger/records/4711");
        EvidenceLink b = new EvidenceLink("学习记录 #4712", "/ledger/records/4712");
        EvidenceLink gone = new EvidenceLink("学习记录 #4713", "/ledger/records/4713");
        EvidenceLink evaluation = new EvidenceLink("量化考评（2025-12-31）", "/assessment/evaluation?townshipId=5&year=2025");
        ReportContent content = new ReportContent(List.of(new ReportContent.Block("theory", ReportContent.BlockType.HEADING2,
                "理论学习", List.of(List.of(
                        ReportContent.Part.derived("studyCentralGroupCount", "2", List.of(list, b, a)),
                        ReportContent.Part.text("次，出勤率"),
                        ReportContent.Part.derived("attendanceRate", "90%", List.of(list, a, b, gone, evaluation)))), "")),
                Map.of(), Map.of());
        Map<String, EvidenceRecords.EvidenceRecord> named = Map.of(
                a.href(), new EvidenceRecords.EvidenceRecord(LocalDate.of(2025, 3, 5), "学习", "一季度中心组学习", false),
                b.href(), new EvidenceRecords.EvidenceRecord(LocalDate.of(2025, 12, 28), "学习", "年终中心组学习", true));

        List<WordReport.AppendixEntry> entries = EvidenceAppendix.of(content, named, "");
        assertThat(entries).hasSize(2);
        WordReport.AppendixEntry first = entries.get(0);
        assertThat(first.label()).isEqualTo("中心组集中学习次数");
        assertThat(first.sources()).containsExactly(new WordReport.Link("柳溪镇2025年学习台账", null));
        // in date order, numbered through the appendix, marked when deleted since
        assertThat(first.records().stream().map(r -> "（" + r.number() + "）" + r.line()).toList()).containsExactly(
                "（1）2025年3月5日　学习　一季度中心组学习", "（2）2025年12月28日　学习　年终中心组学习（该记录已删除）");
        WordReport.AppendixEntry second = entries.get(1);
        assertThat(second.records()).isEmpty();
        assertThat(second.seeAlso()).containsExactly(1, 2);
        // what is not a named record is a source, printed without ids and with dates written out
        assertThat(second.sources().stream().map(WordReport.Link::text).toList())
                .containsExactly("柳溪镇2025年学习台账", "学习记录", "量化考评（2025年12月31日）");

        List<WordReport.AppendixEntry> linked = EvidenceAppendix.of(content, named, "https://luoshi.example.gov.cn");
        assertThat(linked.get(0).records().get(0).url()).isEqualTo("https://luoshi.example.gov.cn/ledger/records/4711");
        assertThat(linked.get(1).sources().get(2).url())
                .isEqualTo("https://luoshi.example.gov.cn/assessment/evaluation?townshipId=5&year=2025");
    }
}
