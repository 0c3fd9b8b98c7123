package org.luoshi.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.account.SignedInUser;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.ledger.RecordKind;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Importing 50,000 meeting rows (preview and commit) and exporting 200,000, meant to run with the
 * heap capped at 512 MB. Not part of the default run; see docs/performance.md ("Excel exchange").
 */
@LuoshiTest
@Tag("benchmark")
class ExchangeBenchmarkTest {

    static final int IMPORT_ROWS = Integer.getInteger("luoshi.bench.importRows", 50_000);
    static final int EXPORT_ROWS = Integer.getInteger("luoshi.bench.exportRows", 200_000);

    @Autowired ExchangeService exchange;
    @Autowired ExchangeColumns columns;
    @Autowired LedgerService ledger;
    @Autowired RecordKinds kinds;
    @Autowired OrgUnitService units;
    @Autowired UserDetailsService users;

    @Test
    void importAndExport() throws Exception {
        System.out.printf("BENCHMARK max heap %d MB, load average %.2f%n", Runtime.getRuntime().maxMemory() / (1024 * 1024), load());
        RecordKind meeting = kinds.get("MEETING");
        DataScope officer = ((SignedInUser) users.loadUserByUsername("officer")).scope();
        OrgUnit village = fresh();
        List<String> headers = columns.of(meeting).stream().map(ExchangeColumns.Column::header).toList();
        int subCol = headers.indexOf(columns.zh("ledger.field.MEETING.subKind"));
        int topicCol = headers.indexOf(columns.zh("ledger.field.MEETING.topics"));
        String sub = columns.optionLabel(meeting.field("subKind").orElseThrow(), "THEMATIC");
        Path file = Files.createTempFile("bench", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                Workbook wb = new Workbook(out, "bench", "1.0");
                Worksheet ws = wb.newWorksheet("台账");
                for (int c = 0; c < headers.size(); c++) {
                    ws.value(0, c, headers.get(c));
                }
                LocalDate day = LocalDate.of(2020, 1, 1);
                for (int r = 1; r <= IMPORT_ROWS; r++) {
                    ws.value(r, 0, village.getName());
                    ws.value(r, 1, day.plusDays(r % 1500).toString());
                    ws.value(r, 3, "基准会议" + r);
                    ws.value(r, subCol, sub);
                    ws.value(r, topicCol, "研究意识形态工作第" + r + "项");
                    if (r % 5000 == 0) {
                        ws.flush();
                    }
                }
                wb.finish();
            }
            long start = System.nanoTime();
            ExchangeService.Preview preview;
            try (InputStream in = Files.newInputStream(file)) {
                preview = exchange.preview(officer, meeting, in);
            }
            long previewed = System.nanoTime();
            assertThat(preview.errors()).isZero();
            assertThat(preview.toAdd()).isEqualTo(IMPORT_ROWS);
            ExchangeService.Result result = exchange.commit(officer, preview.id());
            long committed = System.nanoTime();
            assertThat(result.added()).isEqualTo(IMPORT_ROWS);
            System.out.printf("BENCHMARK import %d rows (%d KB): preview %.1f s, commit %.1f s, total %.1f s; load average %.2f%n",
                    IMPORT_ROWS, Files.size(file) / 1024, (previewed - start) / 1e9, (committed - previewed) / 1e9,
                    (committed - start) / 1e9, load());
        } finally {
            Files.deleteIfExists(file);
        }

        // Export: top the village up to EXPORT_ROWS records in batches, then stream them out.
        List<RecordCommand> batch = new ArrayList<>();
        for (int i = IMPORT_ROWS; i < EXPORT_ROWS; i++) {
            batch.add(new RecordCommand(village.getId(), LocalDate.of(2019, 1, 1).plusDays(i % 1800), null, "导出基准" + i, null,
                    List.of(), Map.of("subKind", "ANALYSIS", "topics", "研判"), List.of()));
            if (batch.size() == 10_000) {
                ledger.createAll(officer, "MEETING", batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            ledger.createAll(officer, "MEETING", batch);
        }
        long[] bytes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        long start = System.nanoTime();
        exchange.export(officer, meeting, new RecordFilter("MEETING", village.getId(), null, null, null, null, false), counting);
        System.out.printf("BENCHMARK export %d rows: %.1f s, %d KB; load average %.2f%n", EXPORT_ROWS,
                (System.nanoTime() - start) / 1e9, bytes[0] / 1024, load());
        assertThat(bytes[0]).isGreaterThan(EXPORT_ROWS * 10L);
    }

    /** The machine is shared: the one-minute load average goes next to every figure. */
    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    OrgUnit fresh() {
        OrgUnit township = units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP).stream()
                .filter(u -> u.getName().equals("柳溪镇")).findFirst().orElseThrow();
        return units.create(units.systemScope("test"), new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE,
                "基准村" + UUID.randomUUID().toString().substring(0, 8), null, null, 99));
    }
}
