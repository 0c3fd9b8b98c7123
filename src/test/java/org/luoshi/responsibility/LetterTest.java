package org.luoshi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.responsibility.LetterService.LetterRow;
import org.luoshi.responsibility.LetterService.LetterStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Responsibility letters. Tests that record letters use the year before last, so that the demo letters
 * (last year's, all signed, and this year's with their deliberately unsigned units) stay as the demo
 * runner left them.
 */
@LuoshiTest
class LetterTest extends ResponsibilityTestBase {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    LetterService letters;

    static LocalDate today() {
        return org.luoshi.TestClock.today();
    }

    /** A year the demo has no letters for. */
    static int earlierYear() {
        return today().getYear() - 2;
    }

    @Test
    void listsTheUnitsThatHaveNotSignedThisYearsLetter() throws Exception {
        long township = fx.township("柳溪镇").getId();
        LetterStatus status = letters.status(fx.scopeOf("officer"), township, today().getYear());
        assertThat(status.unsigned()).extracting(LetterRow::counterpartName).contains("枫林村", "综治中心")
                .doesNotContain("上塘村", "柳溪村");
        assertThat(status.rows()).extracting(LetterRow::counterpartName).contains("上塘村", "文化站");
        assertThat(status.signed()).isEqualTo(status.rows().size() - status.unsigned().size());
        assertThat(status.due()).isEqualTo(status.rows().size());

        mvc.perform(get("/responsibility/letters").param("unsigned", "true").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("枫林村")))
                .andExpect(content().string(not(containsString("上塘村"))))
                .andExpect(content().string(containsString(status.signed() + " / ")));
        mvc.perform(get("/api/v1/responsibility/letters").param("townshipId", String.valueOf(township))
                        .with(fx.bearer("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(today().getYear()))
                .andExpect(jsonPath("$.signed").value(status.signed()))
                .andExpect(jsonPath("$.rows[?(@.counterpartName == '枫林村')].signedOn").value(hasItem((Object) null)));
    }

    @Test
    void refusesASigningDateInTheFutureOrOutsideTheYearWithAFieldError() throws Exception {
        long township = fx.township("柳溪镇").getId();
        long village = fx.unit("柳溪镇", "新民村").getId();
        sign("officer", township, village, today().getYear(), today().plusDays(1), "测试人")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.fieldErrors[0].field").value("signedOn"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value("签订日期不能晚于今天。"));
        sign("officer", township, village, earlierYear(), today(), "测试人")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("signedOn"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value(containsString(String.valueOf(earlierYear()))));
        sign("officer", township, village, earlierYear(), null, " ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("signedOn", "signerName")));

        mvc.perform(multipart("/responsibility/letters/sign").with(as("officer")).with(csrf())
                        .param("townshipId", String.valueOf(township)).param("counterpartUnitId", String.valueOf(village))
                        .param("year", String.valueOf(today().getYear())).param("signedOn", today().plusDays(1).toString())
                        .param("signerName", "测试人"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("签订日期不能晚于今天。")));
        assertThat(letters.row(fx.system(), township, village, today().getYear()).signedOn())
                .as("the demo letter is left as it was").isNotEqualTo(today().plusDays(1));
    }

    @Test
    void refusesACounterpartOutsideTheTownship() throws Exception {
        long township = fx.township("柳溪镇").getId();
        long foreignVillage = fx.unit("石桥乡", "石桥村").getId();
        sign("admin", township, foreignVillage, earlierYear(), LocalDate.of(earlierYear(), 2, 1), "测试人")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("石桥村")));
        sign("officer", township, foreignVillage, earlierYear(), LocalDate.of(earlierYear(), 2, 1), "测试人")
                .andExpect(status().isNotFound());
        sign("admin", township, township, earlierYear(), LocalDate.of(earlierYear(), 2, 1), "测试人")
                .andExpect(status().isConflict());
    }

    @Test
    void aSecondSigningForTheSameYearUpdatesTheFirst() throws Exception {
        long township = fx.township("柳溪镇").getId();
        long village = fx.unit("柳溪镇", "上塘村").getId();
        String first = sign("officer", township, village, earlierYear(), LocalDate.of(earlierYear(), 3, 2), "第一次签订人")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signerName").value("第一次签订人"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(first.replaceAll(".*\"letterId\":(\\d+).*", "$1"));
        sign("officer", township, village, earlierYear(), LocalDate.of(earlierYear(), 3, 9), "更正后签订人")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.letterId").value(id))
                .andExpect(jsonPath("$.signerName").value("更正后签订人"));
        LetterStatus status = letters.status(fx.system(), township, earlierYear());
        assertThat(status.rows()).filteredOn(r -> r.counterpartId() == village).singleElement()
                .satisfies(r -> assertThat(r.signedOn()).isEqualTo(LocalDate.of(earlierYear(), 3, 9)));
    }

    @Test
    void acceptsAPdfScanRefusesAMislabelledFileAndHidesItFromOtherTownships() throws Exception {
        long township = fx.township("柳溪镇").getId();
        long village = fx.unit("柳溪镇", "荷塘村").getId();
        String body = sign("officer", township, village, earlierYear(), LocalDate.of(earlierYear(), 1, 20), "测试签订人")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"letterId\":(\\d+).*", "$1"));

        mvc.perform(multipart("/api/v1/responsibility/letters/{id}/scan", id)
                        .file(new MockMultipartFile("file", "责任书.jpg", "image/jpeg", PDF)).with(fx.bearer("officer")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(letters.row(fx.system(), township, village, earlierYear()).hasScan()).isFalse();

        mvc.perform(multipart("/api/v1/responsibility/letters/{id}/scan", id)
                        .file(new MockMultipartFile("file", "责任书.pdf", "application/pdf", PDF)).with(fx.bearer("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hasScan").value(true));

        mvc.perform(get("/api/v1/responsibility/letters/{id}/scan", id).with(fx.bearer("officer")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/responsibility/letters/{id}/scan", id).with(as("officer")))
                .andExpect(status().isOk());
        mvc.perform(get("/responsibility/letters/{id}/scan", id).with(as("officer2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/responsibility/letters/{id}/scan", id).with(fx.bearer("officer2")))
                .andExpect(status().isNotFound());
        // The clerk of 柳溪村 sees their own village's letter, not 荷塘村's.
        mvc.perform(get("/responsibility/letters/{id}/scan", id).with(as("clerk")))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/responsibility/letters/{id}/scan", id)
                        .file(new MockMultipartFile("file", "责任书.pdf", "application/pdf", PDF)).with(fx.bearer("officer2")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSigningPageStoresTheScanOrRefusesItBesideTheField() throws Exception {
        long township = fx.township("柳溪镇").getId();
        long village = fx.unit("柳溪镇", "石门村").getId();
        mvc.perform(multipart("/responsibility/letters/sign")
                        .file(new MockMultipartFile("scan", "scan.png", "image/png", PDF))
                        .with(as("officer")).with(csrf())
                        .param("townshipId", String.valueOf(township)).param("counterpartUnitId", String.valueOf(village))
                        .param("year", String.valueOf(earlierYear())).param("signedOn", LocalDate.of(earlierYear(), 2, 3).toString())
                        .param("signerName", "页面签订人"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("文件内容与扩展名")));
        assertThat(letters.row(fx.system(), township, village, earlierYear()).signed()).as("refused scan rolls back").isFalse();

        mvc.perform(get("/responsibility/letters/sign").with(as("officer")).param("townshipId", String.valueOf(township))
                        .param("counterpartId", String.valueOf(village)).param("year", String.valueOf(earlierYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("石门村")));
        // a letter of this year is proposed as signed today; one of an earlier year has no date to guess
        java.time.LocalDate today = org.luoshi.TestClock.today();
        mvc.perform(get("/responsibility/letters/sign").with(as("officer")).param("townshipId", String.valueOf(township))
                        .param("counterpartId", String.valueOf(fx.unit("柳溪镇", "枫林村").getId()))
                        .param("year", String.valueOf(today.getYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<input[^>]*name=\"signedOn\"[^>]*value=\"" + today + "\".*")));
        mvc.perform(multipart("/responsibility/letters/sign")
                        .file(new MockMultipartFile("scan", "scan.pdf", "application/pdf", PDF))
                        .with(as("officer")).with(csrf())
                        .param("townshipId", String.valueOf(township)).param("counterpartUnitId", String.valueOf(village))
                        .param("year", String.valueOf(earlierYear())).param("signedOn", LocalDate.of(earlierYear(), 2, 3).toString())
                        .param("signerName", "页面签订人"))
                .andExpect(status().is3xxRedirection());
        LetterRow row = letters.row(fx.system(), township, village, earlierYear());
        assertThat(row.signerName()).isEqualTo("页面签订人");
        assertThat(row.hasScan()).isTrue();
    }

    ResultActions sign(String user, long township, long counterpart, int year, LocalDate signedOn, String signer)
            throws Exception {
        String json = "{\"townshipId\":" + township + ",\"counterpartUnitId\":" + counterpart + ",\"year\":" + year
                + ",\"signedOn\":" + (signedOn == null ? "null" : "\"" + signedOn + "\"") + ",\"signerName\":\"" + signer + "\"}";
        return mvc.perform(put("/api/v1/responsibility/letters").with(fx.bearer(user))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
