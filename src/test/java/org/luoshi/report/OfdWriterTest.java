package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;

/** The OFD of a report reopened with ofdrw's reader: its text read back, its lines on the GB/T 9704 grid. */
class OfdWriterTest {

    private final RecordedFigures ledger = new RecordedFigures();
    private final RecordedFigures.Township township = RecordedFigures.demoYear(2025, 7);

    private WordReport report() {
        ledger.put(7, township);
        ReportContent content = new ReportDraft(ReportKind.RESPONSIBILITY, "柳溪镇", 2025, (String) null,
                ledger.figures(7, 2025)).build();
        return WordReport.of(ReportDraft.title(ReportKind.RESPONSIBILITY, "柳溪镇", 2025), "中共青禾县委宣传部", content,
                "中共柳溪镇委员会", ReportText.date(LocalDate.of(2026, 2, 3)), 2025, List.of());
    }

    @Test
    void theTextReadsBack() throws Exception {
        WordReport report = report();
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(OfdWriter.write(report, GbDocumentWriter.Fonts.SIMPLIFIED)))) {
            ContentExtractor extractor = new ContentExtractor(reader);
            String text = String.join("", extractor.extractAll());
            long study = township.records().stream()
                    .filter(r -> r.kind() == RecordedFigures.Kind.STUDY && r.date().getYear() == 2025).count();
            assertThat(text).startsWith(report.title()).contains("中共青禾县委宣传部：")
                    .contains("集中学习" + study + "次").contains("中共柳溪镇委员会2026年2月3日").contains("— 1 —");
            assertThat(reader.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains("— " + reader.getNumberOfPages() + " —");
        }
    }

    @Test
    void linesSitOnTheGrid() throws Exception {
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(OfdWriter.write(report(), GbDocumentWriter.Fonts.SIMPLIFIED)))) {
            List<TextObject> page = new ContentExtractor(reader).getPageTextObject(1);
            // the title starts at the top of the text block, 37 mm down, centred in it (28 mm + 156 mm)
            assertThat(page.get(0).getBoundary().getTopLeftY()).isCloseTo(37.0, within(0.5));
            // a full body line is 28 characters across the block, 156 mm; lines are 225 / 22 mm apart
            List<TextObject> body = page.stream().filter(t -> t.getSize() != null && Math.abs(t.getSize() - 5.644) < 0.01)
                    .toList();
            assertThat(body.stream().mapToDouble(t -> t.getBoundary().getWidth()).max().orElseThrow())
                    .isCloseTo(156.0, within(0.5));
            assertThat(body.get(body.size() - 1).getBoundary().getTopLeftY() - body.get(body.size() - 2).getBoundary()
                    .getTopLeftY()).isCloseTo(225.0 / 22, within(0.05));
            // "— 1 —" 7 mm below the block, on the right of an odd page
            TextObject number = page.get(page.size() - 1);
            assertThat(number.getBoundary().getTopLeftY()).isCloseTo(37 + 225 + 7, within(0.5));
            assertThat(number.getBoundary().getTopLeftX() + number.getBoundary().getWidth()).isGreaterThan(170.0);
        }
    }
}
