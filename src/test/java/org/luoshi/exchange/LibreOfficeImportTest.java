package org.luoshi.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.account.SignedInUser;
import org.luoshi.ledger.RecordKind;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A file written by LibreOffice (not FastExcel) imports: CSV converted with soffice --headless. Skipped without soffice or its Calc component. */
@LuoshiTest
class LibreOfficeImportTest {

    @Autowired ExchangeService exchange;
    @Autowired ExchangeColumns columns;
    @Autowired RecordKinds kinds;
    @Autowired UserDetailsService users;

    @Test
    void csvConvertedByLibreOfficeImports() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        Assumptions.assumeTrue(Files.isExecutable(soffice), "soffice not installed");
        RecordKind meeting = kinds.get("MEETING");
        List<String> headers = columns.of(meeting).stream().map(ExchangeColumns.Column::header).toList();
        String title = "办公软件" + UUID.randomUUID().toString().substring(0, 6);
        String sub = columns.optionLabel(meeting.field("subKind").orElseThrow(), "ANALYSIS");
        StringBuilder csv = new StringBuilder(String.join(",", headers)).append('\n');
        for (int i = 0; i < 2; i++) {
            String[] cells = new String[headers.size()];
            java.util.Arrays.fill(cells, "");
            cells[0] = "柳溪村";
            cells[1] = i == 0 ? "2025/4/1" : "2025年4月2日";
            cells[3] = title + i;
            cells[headers.indexOf(columns.zh("ledger.field.MEETING.subKind"))] = sub;
            cells[headers.indexOf(columns.zh("ledger.field.MEETING.topics"))] = "研判舆情";
            csv.append(String.join(",", cells)).append('\n');
        }
        Path dir = Files.createTempDirectory("luoshi-lo");
        Path source = dir.resolve("meetings.csv");
        Files.writeString(source, csv, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=file://" + dir.resolve("profile"), "--headless",
                "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir.toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        // soffice without its Calc component (libreoffice-calc) cannot load a CSV at all: nothing to test then.
        Assumptions.assumeTrue(Files.exists(dir.resolve("meetings.xlsx")), "LibreOffice Calc not installed: " + output.trim());
        byte[] xlsx = Files.readAllBytes(dir.resolve("meetings.xlsx"));

        DataScope clerk = ((SignedInUser) users.loadUserByUsername("clerk")).scope();
        ExchangeService.Preview preview = exchange.preview(clerk, meeting, Xlsx.stream(xlsx));
        assertThat(preview.errorRows()).isEmpty();
        assertThat(preview.toAdd()).isEqualTo(2);
        assertThat(exchange.commit(clerk, preview.id()).added()).isEqualTo(2);
    }
}
