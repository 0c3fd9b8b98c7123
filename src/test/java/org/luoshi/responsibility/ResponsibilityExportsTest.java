package org.luoshi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.XlsxDownload;
import org.luoshi.responsibility.LetterService.LetterRow;
import org.luoshi.responsibility.LetterService.LetterStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** The letters, duties and leading group pages as .xlsx: same filter, same rows, and the township scope. */
@LuoshiTest
class ResponsibilityExportsTest extends ResponsibilityTestBase {

    @Autowired LetterService letters;
    @Autowired ResponsibilityService duties;
    @Autowired LeadingGroupService groups;

    @Test
    void theLettersExportHasThePagesRowsAndItsUnsignedFilter() throws Exception {
        long township = fx.township("柳溪镇").getId();
        int year = LetterTest.today().getYear();
        mvc.perform(get("/responsibility/letters").param("unsigned", "true").with(as("officer")))
                .andExpect(content().string(containsString("/responsibility/letters/export?townshipId=" + township
                        + "&amp;year=" + year + "&amp;unsigned=true")));
        LetterStatus status = letters.status(fx.system(), township, year);

        List<List<String>> all = XlsxDownload.rows(mvc.perform(get("/responsibility/letters/export")
                .param("townshipId", String.valueOf(township)).param("year", String.valueOf(year)).with(as("officer")))
                .andExpect(status().isOk()).andReturn());
        assertThat(all.get(0)).containsExactly("签订单位", "类别", "状态", "签订日期", "签订人", "责任书扫描件", "备注");
        assertThat(XlsxDownload.column(all, 0)).containsExactlyElementsOf(status.rows().stream().map(LetterRow::counterpartName).toList())
                .contains("上塘村", "枫林村");
        assertThat(XlsxDownload.column(all, 2)).containsExactlyElementsOf(status.rows().stream()
                .map(r -> r.signed() ? "已签订" : "未签订").toList());
        assertThat(XlsxDownload.column(all, 3)).containsExactlyElementsOf(status.rows().stream()
                .map(r -> r.signedOn() == null ? "" : r.signedOn().toString()).toList());

        List<List<String>> unsigned = XlsxDownload.rows(mvc.perform(get("/responsibility/letters/export")
                .param("unsigned", "true").with(as("officer"))).andExpect(status().isOk()).andReturn());
        assertThat(XlsxDownload.column(unsigned, 0))
                .containsExactlyElementsOf(status.unsigned().stream().map(LetterRow::counterpartName).toList())
                .contains("枫林村").doesNotContain("上塘村");
        assertThat(XlsxDownload.column(unsigned, 2)).containsOnly("未签订");
    }

    @Test
    void theDutiesAndSeatsExportsListThePagesRows() throws Exception {
        long township = fx.township("柳溪镇").getId();
        List<ResponsibilityService.DutyView> expectedDuties = duties.list(fx.system(), township);
        assertThat(expectedDuties).isNotEmpty();
        mvc.perform(get("/responsibility/duties").with(as("leader")))
                .andExpect(content().string(containsString("/responsibility/duties/export?townshipId=" + township)));
        List<List<String>> rows = XlsxDownload.rows(mvc.perform(get("/responsibility/duties/export")
                .param("townshipId", String.valueOf(township)).with(as("leader"))).andExpect(status().isOk()).andReturn());
        assertThat(rows.get(0)).containsExactly("责任类别", "岗位", "现任职者", "责任范围", "上次确认");
        assertThat(XlsxDownload.column(rows, 1)).containsExactlyElementsOf(
                expectedDuties.stream().map(ResponsibilityService.DutyView::postTitle).toList());
        assertThat(XlsxDownload.column(rows, 2)).containsExactlyElementsOf(expectedDuties.stream()
                .map(d -> d.holderName() == null ? "空缺" : d.holderName()).toList());

        List<LeadingGroupService.SeatView> seats = groups.view(fx.system(), township).seats();
        assertThat(seats).isNotEmpty();
        mvc.perform(get("/responsibility/groups").with(as("officer")))
                .andExpect(content().string(containsString("/responsibility/groups/export?townshipId=" + township)));
        List<List<String>> seatRows = XlsxDownload.rows(mvc.perform(get("/responsibility/groups/export")
                .with(as("officer"))).andExpect(status().isOk()).andReturn());
        assertThat(seatRows.get(0)).containsExactly("席位", "岗位", "现任职者", "分工", "上次确认");
        assertThat(XlsxDownload.column(seatRows, 1)).containsExactlyElementsOf(
                seats.stream().map(LeadingGroupService.SeatView::postTitle).toList());

        // Another township's group differs, so the filter is honoured.
        long shiqiao = fx.township("石桥乡").getId();
        List<List<String>> other = XlsxDownload.rows(mvc.perform(get("/responsibility/groups/export")
                .param("townshipId", String.valueOf(shiqiao)).with(as("county"))).andExpect(status().isOk()).andReturn());
        assertThat(XlsxDownload.column(other, 2)).containsExactlyElementsOf(groups.view(fx.system(), shiqiao).seats().stream()
                .map(s -> s.holderName() == null ? "空缺" : s.holderName()).toList());
        assertThat(XlsxDownload.column(other, 2)).isNotEqualTo(XlsxDownload.column(seatRows, 2));
    }

    @Test
    void anOfficerCannotExportAnotherTownshipsLists() throws Exception {
        String shiqiao = String.valueOf(fx.township("石桥乡").getId());
        mvc.perform(get("/responsibility/letters/export").param("townshipId", shiqiao).with(as("officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/responsibility/duties/export").param("townshipId", shiqiao).with(as("officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/responsibility/groups/export").param("townshipId", shiqiao).with(as("officer")))
                .andExpect(status().isNotFound());
    }
}
