package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The report converted to PDF by LibreOffice, and its text read back with poppler's pdftotext.
 * Skipped, with the reason, where either is not installed, unless LUOSHI_PDF_TESTS=required (as in CI).
 */
class PdfConverterTest {

    @Test
    void pdfTextContainsTheFigures() throws Exception {
        PdfConverter converter = new PdfConverter("", 180);
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (!converter.available() || !Files.isExecutable(pdftotext)) {
            String message = "PDF test skipped: LibreOffice (soffice) or poppler-utils (pdftotext) is not installed";
            if ("required".equals(System.getenv("LUOSHI_PDF_TESTS"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }

        RecordedFigures ledger = new RecordedFigures();
        RecordedFigures.Township township = RecordedFigures.demoYear(2025, 7);
        ledger.put(7, township);
        ReportContent content = new ReportDraft(ReportKind.RESPONSIBILITY, "柳溪镇", 2025, (String) null, ledger.figures(7, 2025)).build();
        byte[] docx = GbDocumentWriter.write(WordReport.of(ReportDraft.title(ReportKind.RESPONSIBILITY, "柳溪镇", 2025),
                "中共青禾县委宣传部", content, "中共柳溪镇委员会", ReportText.date(LocalDate.of(2026, 2, 3)), 2025, List.of()));
        byte[] pdf = converter.convert(docx);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

        Path dir = Files.createTempDirectory("luoshi-pdf-test");
        Path file = dir.resolve("r.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder(pdftotext.toString(), "-layout", file.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String compact = text.replaceAll("\\s+", "");
        long study = township.records().stream().filter(r -> r.kind() == RecordedFigures.Kind.STUDY && r.date().getYear() == 2025).count();
        long opinions = township.records().stream().filter(r -> r.kind() == RecordedFigures.Kind.OPINION && r.date().getYear() == 2025).count();
        assertThat(compact).contains("集中学习" + study + "次").contains("登记网络舆情" + opinions + "件")
                .contains("2026年2月3日").contains("—1—");
    }

    @Test
    void namesTheFontsThisServerSetsInSubstituteFaces() {
        PdfConverter converter = new PdfConverter("", 180);
        var substitutions = converter.substitutions(GbDocumentWriter.Fonts.SIMPLIFIED);
        if (substitutions.isEmpty()) {
            String message = "font check skipped: fontconfig (fc-match) is not installed";
            if ("required".equals(System.getenv("LUOSHI_PDF_TESTS"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        GbDocumentWriter.Fonts fonts = GbDocumentWriter.Fonts.SIMPLIFIED;
        List<String> named = List.of(fonts.body(), fonts.title(), fonts.heading1(), fonts.heading2(), fonts.pageNumber());
        for (PdfConverter.Substitution s : substitutions.get()) {
            assertThat(named).contains(s.font());
            assertThat(s.face()).isNotBlank().isNotEqualTo(s.font());
        }
        // CI installs the free faces only: there the official fonts are substituted by the mapped ones
        if ("required".equals(System.getenv("LUOSHI_PDF_TESTS")) && substitutions.get().size() == named.size()) {
            assertThat(substitutions.get()).contains(new PdfConverter.Substitution("仿宋_GB2312", "Noto Serif CJK SC"),
                    new PdfConverter.Substitution("黑体", "Noto Sans CJK SC"),
                    new PdfConverter.Substitution("楷体_GB2312", "AR PL UKai CN"));
        }
    }
}
