package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check panel and the appendix name every figure in Chinese, never by its key. */
class ReportLabelsTest {

    @Test
    void everyFigureOfEveryKindHasAChineseLabel() {
        FigureSet figures = RecordedFiguresFixture.figures();
        for (ReportKind kind : ReportKind.values()) {
            ReportContent content = new ReportDraft(kind, "柳溪镇", 2025, (String) null, figures).build();
            assertThat(content.figureParts()).isNotEmpty();
            for (ReportContent.Part part : content.figureParts()) {
                assertThat(ReportDraft.label(part.figure())).as(part.figure()).doesNotContainPattern("[a-zA-Z]");
            }
        }
    }

    /** The fake ledger's demo year, which fills every figure. */
    static final class RecordedFiguresFixture {
        static FigureSet figures() {
            RecordedFigures ledger = new RecordedFigures();
            ledger.put(1, RecordedFigures.demoYear(2025, 1));
            return ledger.figures(1, 2025);
        }
    }
}
