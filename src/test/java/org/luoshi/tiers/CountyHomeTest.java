package org.luoshi.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.inspection.RaisedFindings;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.luoshi.report.SentReports;
import org.luoshi.report.SentReports.Kind;
import org.luoshi.report.SentReports.State;
import org.luoshi.time.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county home of a reviewer: each panel's figures against the reports and findings the test
 * makes (a report sent, one accepted, a draft and a returned one that do not count; a finding overdue
 * by the application's clock, one not yet due), the empty states, and the reach: 新河县 sees nothing of
 * 邻县, while the reviewer of 邻州 above 邻县 does. In the test's transaction, so it rolls back.
 */
@LuoshiTest
@Transactional
class CountyHomeTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired TierFixture fixture;
    @Autowired SentReports reports;
    @Autowired RaisedFindings findings;
    @Autowired PostService posts;
    @Autowired OrgUnitService units;
    @Autowired Times times;
    @Autowired Clock clock;

    String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(TestUsers.as(users, user)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    long overdue(OrgUnit unit, long postId, String title, int daysLate) {
        return findings.raise(unit.getId(), postId, title, LocalDate.now(clock).minusDays(daysLate));
    }

    @Test
    void thePanelsCountTheRecordsOfTheReviewersSubtreeOnly() throws Exception {
        TierFixture.Tiers t = fixture.build();
        int year = times.likelyYear();

        // before anything is sent or overdue: the empty states, and 河口镇 has reported nothing
        assertThat(page("/report/review-panel", "xinherev")).contains("待审核报告 0 份").contains("目前没有待审核的报告");
        assertThat(page("/inspection/overdue-panel", "xinherev")).contains("逾期未完成整改 0 项")
                .contains("截至 " + LocalDate.now(clock) + "，没有逾期未完成的整改");
        assertThat(page("/report/unreported-panel", "xinherev")).contains(year + " 年度报告未报送的乡镇：1 个")
                .contains("河口镇").contains("未报责任制情况报告").contains("未报宣传思想工作总结");

        // 河口镇 sends its responsibility report, its summary was accepted; a second township has a draft only
        reports.report(t.hekou().getId(), Kind.RESPONSIBILITY, year, "河口镇责任制报告", State.SUBMITTED);
        reports.report(t.hekou().getId(), Kind.PROPAGANDA_SUMMARY, year, "河口镇宣传工作总结", State.ACCEPTED);
        OrgUnit hewan = units.create(units.systemScope("test"),
                new OrgUnitCommand(t.xinhe().getId(), OrgUnitKind.TOWNSHIP, "河湾镇", null, null, 1));
        reports.report(hewan.getId(), Kind.RESPONSIBILITY, year, "河湾镇草稿", State.DRAFT);
        reports.report(hewan.getId(), Kind.PROPAGANDA_SUMMARY, year, "河湾镇被退回的总结", State.RETURNED);
        // last year's report does not count for this year
        reports.report(hewan.getId(), Kind.RESPONSIBILITY, year - 1, "河湾镇去年的报告", State.ACCEPTED);
        // the neighbouring county's township sends one too, and has an overdue finding
        reports.report(t.otherTownship().getId(), Kind.RESPONSIBILITY, year, "邻镇责任制报告", State.SUBMITTED);
        long hekouPost = posts.create(units.systemScope("test"), t.hekou().getId(), "宣传委员", PostKind.OTHER, 1).getId();
        long otherPost = posts.create(units.systemScope("test"), t.otherTownship().getId(), "宣传委员", PostKind.OTHER, 1).getId();
        overdue(t.hekouVillage(), hekouPost, "河口村阵地未检查", 3);
        overdue(t.hekou(), hekouPost, "河口镇研判未开展", 1);
        findings.raise(t.hekou().getId(), hekouPost, "河口镇未到期", LocalDate.now(clock)); // due today: not yet overdue
        overdue(t.otherTownship(), otherPost, "邻镇逾期", 5);

        String review = page("/report/review-panel", "xinherev");
        assertThat(review).contains("待审核报告 1 份").contains("河口镇责任制报告")
                .doesNotContain("河口镇宣传工作总结").doesNotContain("河湾镇").doesNotContain("邻镇");
        String overdue = page("/inspection/overdue-panel", "xinherev");
        assertThat(overdue).contains("逾期未完成整改 2 项").contains("河口镇").contains("2 项")
                .contains("unitId=" + t.hekou().getId()).doesNotContain("邻镇");
        String unreported = page("/report/unreported-panel", "xinherev");
        assertThat(unreported).contains(year + " 年度报告未报送的乡镇：1 个").contains("河湾镇")
                .doesNotContain("河口镇").doesNotContain("邻镇");
        String ranking = page("/assessment/ranking-panel", "xinherev");
        assertThat(ranking).contains("/assessment/county?year=" + year).contains("尚无可排名的考核结果");

        // the reviewer of 邻州 sees 邻县's township and nothing of 新河县
        assertThat(page("/report/review-panel", "othercityrev")).contains("待审核报告 1 份").contains("邻镇责任制报告")
                .doesNotContain("河口镇");
        assertThat(page("/inspection/overdue-panel", "othercityrev")).contains("逾期未完成整改 1 项").contains("邻镇")
                .doesNotContain("河口镇");
        assertThat(page("/report/unreported-panel", "othercityrev")).contains("邻镇").contains("未报宣传思想工作总结")
                .doesNotContain("未报责任制情况报告").doesNotContain("河湾镇");
        assertThat(page("/assessment/ranking-panel", "othercityrev")).contains("/assessment/overview?year=" + year);
    }

    @Test
    void onlyAReviewerGetsTheCountyHome() throws Exception {
        fixture.build();
        assertThat(page("/", "xinherev")).contains("county-home").contains("/report/review-panel")
                .contains("/inspection/overdue-panel").contains("/report/unreported-panel")
                .contains("/assessment/ranking-panel");
        assertThat(page("/", "cityrev")).contains("county-home");
        assertThat(page("/", "hekouofficer")).doesNotContain("county-home").contains("/assessment/panel");
        assertThat(page("/", "admin")).doesNotContain("county-home");
        for (String url : new String[] {"/report/review-panel", "/report/unreported-panel", "/inspection/overdue-panel",
                "/assessment/ranking-panel"}) {
            mvc.perform(get(url).with(TestUsers.as(users, "hekouofficer"))).andExpect(status().isForbidden());
        }
    }
}
