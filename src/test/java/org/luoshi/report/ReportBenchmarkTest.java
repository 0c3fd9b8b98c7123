package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How long generating the annual report of a township with a year of demo data takes: figures,
 * draft, a saved version and the .docx. Not part of the default run; see docs/performance.md.
 */
@LuoshiTest
@Tag("benchmark")
class ReportBenchmarkTest {

    static final int WARM_UP = 10;
    static final int RUNS = Integer.getInteger("luoshi.bench.runs", 50);

    @Autowired ReportService reports;
    @Autowired ReportDocuments documents;
    @Autowired OrgUnitService units;
    @Autowired RecordedFigures ledger;

    @Test
    void annualReport() {
        DataScope system = units.systemScope();
        OrgUnit township = units.create(system, new OrgUnitCommand(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP,
                "基准" + UUID.randomUUID().toString().substring(0, 6) + "镇", null, 30_000, 98));
        RecordedFigures.Township year = RecordedFigures.demoYear(2025, township.getId());
        ledger.put(township.getId(), year);
        ReportService.Viewer viewer = new ReportService.Viewer(system, false);
        long id = reports.create(system, new ReportCommands.Create(township.getId(), ReportKind.RESPONSIBILITY, 2025,
                null, null)).getId();
        long[] nanos = new long[RUNS];
        for (int i = -WARM_UP; i < RUNS; i++) {
            long start = System.nanoTime();
            reports.regenerate(viewer, id);
            long mid = System.nanoTime();
            byte[] docx = documents.docx(viewer, id, 0, false, true).bytes();
            long took = System.nanoTime() - start;
            if (i % 10 == 0) {
                System.out.printf("BENCHMARK step: regenerate %.1f ms, docx %.1f ms%n", (mid - start) / 1e6,
                        (System.nanoTime() - mid) / 1e6);
            }
            assertThat(docx.length).isGreaterThan(1000);
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        Arrays.sort(nanos);
        double p50 = nanos[RUNS / 2] / 1e6;
        double p95 = nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6;
        System.out.printf("BENCHMARK annual report (%d ledger records, %d runs): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                year.records().size(), RUNS, p50, p95, nanos[RUNS - 1] / 1e6);
        assertThat(p95).isLessThan(1000.0);
    }
}
