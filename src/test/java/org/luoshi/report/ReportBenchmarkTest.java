package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.ledger.LedgerGenerator;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long generating the annual report of a township with a year of demo data takes: the real
 * figures over the ledger (aggregate queries), draft, a saved version and the .docx with its
 * evidence appendix. 柳溪镇's demo year is made denser by generating further demo years into the
 * same year ({@code luoshi.bench.copies}, default 30), as a busy township would record. Not part of
 * the default run; see docs/performance.md.
 */
@LuoshiTest
@Tag("benchmark")
class ReportBenchmarkTest {

    static final int WARM_UP = 10;
    static final int RUNS = Integer.getInteger("luoshi.bench.runs", 50);
    static final int COPIES = Integer.getInteger("luoshi.bench.copies", 30);

    @Autowired ReportService reports;
    @Autowired ReportRepository reportRows;
    @Autowired ReportDocuments documents;
    @Autowired OrgUnitService units;
    @Autowired LedgerGenerator generator;
    @Autowired JdbcClient jdbc;

    @Test
    void annualReport() {
        DataScope system = units.systemScope();
        OrgUnit township = units.ofKind(system, OrgUnitKind.TOWNSHIP).stream()
                .filter(u -> u.getName().equals("柳溪镇")).findFirst().orElseThrow();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        for (int copy = 1; copy <= COPIES; copy++) {
            generator.generate(List.of(township.getId()), 1, 1000L + copy);
        }
        long records = jdbc.sql("select count(*) from ledger_record r join org_unit u on u.id = r.org_unit_id "
                        + "where u.path like :path and r.deleted_at is null and r.occurred_on between :from and :to")
                .param("path", township.getPath() + "%").param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31)).query(Long.class).single();
        ReportService.Viewer viewer = new ReportService.Viewer(system, false);
        long id = reportRows.findByOrgUnitIdInOrderByYearDescIdDesc(List.of(township.getId())).stream()
                .filter(r -> r.getKind() == ReportKind.RESPONSIBILITY && r.getYear() == year && r.getPreviousId() == null)
                .map(Report::getId).findFirst()
                .orElseGet(() -> reports.create(system, new ReportCommands.Create(township.getId(), ReportKind.RESPONSIBILITY,
                        year, null, null)).getId());
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
        System.out.printf("BENCHMARK annual report (%d ledger records in %d, %d runs): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                records, year, RUNS, p50, p95, nanos[RUNS - 1] / 1e6);
        assertThat(p95).isLessThan(1000.0);
    }
}
