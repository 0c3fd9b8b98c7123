package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 含附件 download over the real ledger: a township's records, a report generated from them, the
 * Word file downloaded and reopened. Its appendix names each record once by date, kind and title; no id,
 * no address (no public base URL is configured in the tests).
 */
@LuoshiTest
class ReportAppendixTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgUnitService units;
    @Autowired AccountService accounts;
    @Autowired LedgerService ledger;
    @Autowired LedgerStatistics statistics;
    @Autowired ObjectMapper json;

    long placement(OrgUnit unit, LocalDate on, String title, String level, String medium) {
        return ledger.create(units.systemScope("test"), "MEDIA_PLACEMENT", new RecordCommand(unit.getId(), on, null, title,
                null, List.of(), Map.of("outlet", "青禾日报", "level", level, "medium", medium, "articleCount", 1), List.of())).id();
    }

    @Test
    void theAppendixListsEachRecordOnceByDateKindAndTitleWithoutIdsOrAddresses() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var system = units.systemScope("test");
        OrgUnit township = units.create(system, new OrgUnitCommand(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP,
                "附件" + tag + "镇", null, 20_000, 98));
        String officer = "appx-" + tag;
        accounts.create(system, officer, "宣传委员", "Luoshi@2026", Role.TOWNSHIP_OFFICER, township.getId(), false);
        List<Long> ids = new ArrayList<>();
        // each article stands behind 上稿总篇数, its level's and its medium's count: three figures, one line
        ids.add(placement(township, LocalDate.of(2024, 12, 28), "年终综述" + tag, "PROVINCIAL", "PRINT"));
        ids.add(placement(township, LocalDate.of(2024, 3, 5), "春耕宣讲" + tag, "PROVINCIAL", "NEW_MEDIA"));
        ids.add(placement(township, LocalDate.of(2024, 7, 1), "七一党课" + tag, "COUNTY", "NEW_MEDIA"));
        long deleted = placement(township, LocalDate.of(2024, 9, 9), "重复录入" + tag, "COUNTY", "PRINT");
        ids.add(deleted);
        OrgUnit other = units.create(system, new OrgUnitCommand(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP,
                "别处" + tag + "乡", null, 10_000, 99));
        long elsewhere = placement(other, LocalDate.of(2024, 5, 5), "别处稿件" + tag, "COUNTY", "PRINT");

        String created = mvc.perform(post("/api/v1/reports").with(TestUsers.as(users, officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PROPAGANDA_SUMMARY\",\"year\":2024,\"townshipId\":" + township.getId() + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("report").get("id").asLong();
        // deleted after the version named it: still listed, marked
        ledger.delete(system, deleted, "录重了");

        byte[] docx = mvc.perform(get("/report/" + id + "/docx").param("appendix", "true").with(TestUsers.as(users, officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<XWPFParagraph> all = doc.getParagraphs();
            int start = all.stream().map(XWPFParagraph::getText).toList().lastIndexOf("数据来源清单");
            assertThat(start).isPositive();
            List<String> appendix = all.subList(start, all.size()).stream().map(XWPFParagraph::getText).toList();
            String text = String.join("\n", appendix);
            assertThat(text).contains("媒体上稿总篇数：4").contains("来源：附件" + tag + "镇2024年上稿与信息报送台账")
                    .doesNotContain("/ledger/").doesNotContain("#").doesNotContain("http").doesNotContain("2024-");
            for (long recordId : ids) {
                assertThat(text).doesNotContainPattern("(?<!\\d)" + recordId + "(?!\\d)");
            }
            List<String> records = appendix.stream().filter(t -> t.matches("（\\d+）.*")).toList();
            assertThat(records).containsExactly(
                    "（1）2024年3月5日　上稿与信息报送　春耕宣讲" + tag,
                    "（2）2024年7月1日　上稿与信息报送　七一党课" + tag,
                    "（3）2024年9月9日　上稿与信息报送　重复录入" + tag + "（该记录已删除）",
                    "（4）2024年12月28日　上稿与信息报送　年终综述" + tag);
            assertThat(text).contains("另见上列记录（1）、（4）").doesNotContain("别处稿件");
            assertThat(all.stream().flatMap(p -> p.getRuns().stream())).noneMatch(r -> r instanceof XWPFHyperlinkRun);
        }

        // the ledger names records of the township's subtree only
        assertThat(statistics.named(township.getPath(), List.of(ids.get(0), elsewhere)))
                .extracting(LedgerStatistics.NamedRecord::id).containsExactly(ids.get(0));
    }
}
