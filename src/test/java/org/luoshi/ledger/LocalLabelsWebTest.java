package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A local name of a media level (州级 for MUNICIPAL) shows on the form, the detail page and in the
 * Excel template, export and import of the running application, while the stored code stays MUNICIPAL.
 * The names are set on the application's message source for the test and taken away afterwards.
 */
@LuoshiTest
class LocalLabelsWebTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ObjectMapper json;

    @Test
    void theLocalNameShowsEverywhereTheLevelIsShownAndImportsAsTheCode() throws Exception {
        LocalLabels labels = (LocalLabels) context.getBean("messageSource");
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord placement = ledger.create(fx.scope("officer"), "MEDIA_PLACEMENT",
                LedgerFixtures.media(unit.getId(), LedgerFixtures.TODAY.minusDays(1), "MUNICIPAL", 1));
        assertThat(form()).contains(">市级<").doesNotContain("州级");
        labels.mediaLevels(Map.of("MUNICIPAL", "州级"));
        try {
            assertThat(context.getMessage("ledger.field.MEDIA_PLACEMENT.level.MUNICIPAL", null, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("州级");
            assertThat(form()).contains("<option value=\"MUNICIPAL\">州级</option>").doesNotContain("市级");
            String detail = mvc.perform(get("/ledger/records/{id}", placement.id()).with(as(users, "officer")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(detail).contains("州级").doesNotContain("市级");

            byte[] template = mvc.perform(get("/api/v1/exchange/templates/media-placement").with(as(users, "officer")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            List<String> texts = allCells(template);
            assertThat(texts).contains("州级").doesNotContain("市级");
            assertThat(String.join("\n", texts)).doesNotContain("市级");

            byte[] export = mvc.perform(get("/api/v1/exchange/exports/media-placement").param("unitId", String.valueOf(unit.getId()))
                    .with(as(users, "officer"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            List<List<String>> rows = sheet(export);
            int level = rows.get(0).indexOf("媒体级别");
            assertThat(rows.get(1).get(level)).isEqualTo("州级");

            // the exported row, retitled, imports as a new MUNICIPAL placement
            List<String> row = new ArrayList<>(rows.get(1));
            row.set(rows.get(0).indexOf("标题"), placement.title() + "（再报）");
            MockMultipartFile upload = new MockMultipartFile("file", "p.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx(rows.get(0), row));
            String preview = mvc.perform(multipart("/api/v1/exchange/imports/media-placement").file(upload).with(as(users, "officer")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.errors").value(0)).andExpect(jsonPath("$.toAdd").value(1))
                    .andReturn().getResponse().getContentAsString();
            mvc.perform(post("/api/v1/exchange/imports/{id}/commit", json.readTree(preview).get("id").asText())
                    .with(as(users, "officer"))).andExpect(status().isOk());
            List<LedgerRecord> imported = ledger.list(fx.scope("officer"), new RecordFilter("MEDIA_PLACEMENT", unit.getId(), null, null,
                    "再报", null, false), null, 10).records();
            assertThat(imported).singleElement().satisfies(r -> assertThat(r.field(LedgerTerms.LEVEL)).isEqualTo("MUNICIPAL"));
        } finally {
            labels.mediaLevels(Map.of());
        }
        assertThat(form()).contains(">市级<").doesNotContain("州级");
    }

    String form() throws Exception {
        return mvc.perform(get("/ledger/media-placement/new").with(as(users, "officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    static List<String> allCells(byte[] file) throws IOException {
        List<String> texts = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                for (var row : sheet.read()) {
                    for (Cell cell : row) {
                        if (cell != null && cell.getValue() != null) {
                            texts.add(cell.getValue().toString());
                        }
                    }
                }
            }
        }
        return texts;
    }

    static List<List<String>> sheet(byte[] file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            for (var row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Object v = row.getCell(c) == null ? null : row.getCell(c).getValue();
                    cells.add(v == null ? "" : v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    static byte[] xlsx(List<String> headers, List<String> row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            if (c < row.size() && !row.get(c).isEmpty()) {
                ws.value(1, c, row.get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
