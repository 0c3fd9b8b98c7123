package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
        DataScope system = units.systemScope("test");
        OrgUnit township = units.ofKind(system, OrgUnitKind.TOWNSHIP).stream()
                .filter(u -> u.getName().equals("柳溪镇")).findFirst().orElseThrow();
        int year = org.luoshi.TestClock.today().getYear();
        for (int copy = 1; copy <= COPIES; copy++) {
            generator.generate(List.of(township.getId()), 1, 1000L + copy);
        }
        long records = jdbc.sql("select count(*) from ledger_record r join org_unit u on u.id = r.org_unit_id "
                        + "where u.path like :path and r.deleted_at is null and r.occurred_on between :from and :to")
                .param("path", township.getPath() + "%").param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31)).query(Long.class).single();
        ReportService.Viewer viewer = new ReportService.Viewer(system);
        long id = reportRows.findByOrgUnitIdInOrderByYearDescIdDesc(List.of(township.getId())).stream()
                .filter(r -> r.getKind() == ReportKind.RESPONSIBILITY && r.getYear() == year && r.getPreviousId() == null)
                .map(Report::getId).findFirst()
                .orElseGet(() -> reports.create(system, new ReportCommands.Create(township.getId(), ReportKind.RESPONSIBILITY,
                        year, null, null)).getId());
        long[] nanos = new long[RUNS];
        long[] regenerate = new long[RUNS];
        long[] docxOnly = new long[RUNS];
        long[] withoutAppendix = new long[RUNS];
        // CPU time of this thread: what a run costs regardless of how many other processes share the cores.
        long[] cpuRegenerate = new long[RUNS];
        long[] cpuDocx = new long[RUNS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = -WARM_UP; i < RUNS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            reports.regenerate(viewer, id);
            long mid = System.nanoTime();
            long cpuMid = threads.getCurrentThreadCpuTime();
            byte[] docx = documents.docx(viewer, id, 0, null, true).bytes();
            long end = System.nanoTime();
            long cpuEnd = threads.getCurrentThreadCpuTime();
            // Outside the measured run: the same document without its evidence appendix, for the breakdown.
            documents.docx(viewer, id, 0, null, false);
            long plain = System.nanoTime() - end;
            assertThat(docx.length).isGreaterThan(1000);
            if (i >= 0) {
                nanos[i] = end - start;
                regenerate[i] = mid - start;
                docxOnly[i] = end - mid;
                withoutAppendix[i] = plain;
                cpuRegenerate[i] = cpuMid - cpuStart;
                cpuDocx[i] = cpuEnd - cpuMid;
            }
        }
        System.out.printf("BENCHMARK annual report (%d ledger records in %d, %d runs): %s%n", records, year, RUNS,
                percentiles(nanos));
        System.out.printf("BENCHMARK   of which regenerate: %s%n", percentiles(regenerate));
        System.out.printf("BENCHMARK   of which .docx with appendix: %s%n", percentiles(docxOnly));
        System.out.printf("BENCHMARK   (.docx without appendix, not in the run: %s)%n", percentiles(withoutAppendix));
        System.out.printf("BENCHMARK   CPU time of regenerate: %s%n", percentiles(cpuRegenerate));
        System.out.printf("BENCHMARK   CPU time of .docx with appendix: %s%n", percentiles(cpuDocx));
        Arrays.sort(nanos);
        assertThat(nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6).isLessThan(1000.0);
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted[RUNS / 2] / 1e6,
                sorted[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, sorted[RUNS - 1] / 1e6);
    }
}
