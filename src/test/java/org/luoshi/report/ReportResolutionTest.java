package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 【待补充】 in a generated sentence is settled by the user: the sentence says 本年度无…, or is left
 * out. The choice survives regeneration while the figure stays missing, and gives way to the figure
 * once records exist.
 */
class ReportResolutionTest {

    static final int YEAR = 2025;

    private static ReportContent draft(FigureSet figures) {
        return new ReportDraft(ReportKind.RESPONSIBILITY, "柳溪镇", YEAR, (String) null, figures).build();
    }

    private static String text(ReportContent content) {
        return String.join("\n", content.blocks().stream().flatMap(b -> b.lineTexts().stream()).toList());
    }

    @Test
    void noneThisYearStatesItAndDeleteLeavesTheSentenceOut() {
        ReportContent empty = draft(FigureSet.empty(1, YEAR));
        assertThat(text(empty)).contains("全年组织理论宣讲【待补充：理论宣讲记录】场次");
        int before = empty.markers().values().stream().mapToInt(List::size).sum();

        ReportContent settled = empty.resolving(FigureName.OUTREACH_COUNT.key(), ReportContent.Resolution.NONE_THIS_YEAR);
        assertThat(text(settled)).contains("本年度无理论宣讲记录。").doesNotContain("全年组织理论宣讲【待补充");
        assertThat(settled.markers().values().stream().mapToInt(List::size).sum()).isLessThan(before);

        // the venues section's first line goes; the remaining lines are numbered again from 1
        ReportContent deleted = settled.resolving(FigureName.VENUES_BY_KIND.key(), ReportContent.Resolution.DELETE);
        ReportContent.Block venues = deleted.block("venues");
        assertThat(venues.lineTexts()).noneMatch(l -> l.contains("宣传文化阵地：")).hasSize(1);
        assertThat(deleted.block("organisation").lineTexts()).first().asString().startsWith("1.");

        // regenerated with still no records: the choices stay
        ReportContent again = draft(FigureSet.empty(1, YEAR)).keepingTextOf(deleted);
        assertThat(text(again)).contains("本年度无理论宣讲记录。");
        assertThat(again.block("venues").lineTexts()).noneMatch(l -> l.contains("宣传文化阵地："));

        // records arrive: the figure is stated again
        Map<FigureName, Figure> some = new EnumMap<>(FigureName.class);
        some.put(FigureName.OUTREACH_COUNT, Figure.count(4, List.of(new EvidenceLink("宣讲", "/ledger/records/1"))));
        ReportContent withRecords = draft(new FigureSet(1, YEAR, some)).keepingTextOf(deleted);
        assertThat(text(withRecords)).contains("全年组织理论宣讲4场次").doesNotContain("本年度无理论宣讲记录");
    }

    @Test
    void aFigureTypedOverByHandIsStatedMarkedAndKeptThroughRegeneration() {
        Map<FigureName, Figure> some = new EnumMap<>(FigureName.class);
        some.put(FigureName.OUTREACH_COUNT, Figure.count(4, List.of(new EvidenceLink("宣讲", "/ledger/records/1"))));
        ReportContent generated = draft(new FigureSet(1, YEAR, some));
        assertThat(generated.overridden()).isEmpty();

        ReportContent typed = generated.overriding(FigureName.OUTREACH_COUNT.key(), "5");
        assertThat(text(typed)).contains("全年组织理论宣讲5场次");
        assertThat(typed.overridden()).singleElement().satisfies(p -> {
            assertThat(p.figure()).isEqualTo(FigureName.OUTREACH_COUNT.key());
            assertThat(p.text()).isEqualTo("5");
        });
        // typing over a missing figure fills it: one marker fewer
        int markers = typed.markers().values().stream().mapToInt(List::size).sum();
        ReportContent filled = typed.overriding(FigureName.SEMINAR_COUNT.key(), "2");
        assertThat(filled.markers().values().stream().mapToInt(List::size).sum()).isEqualTo(markers - 1);
        assertThat(text(filled)).contains("开展专题研讨2次");

        // regenerated: the user's values stay, still marked, whatever the records say now
        some.put(FigureName.OUTREACH_COUNT, Figure.count(6, List.of(new EvidenceLink("宣讲", "/ledger/records/1"))));
        ReportContent again = draft(new FigureSet(1, YEAR, some)).keepingTextOf(filled);
        assertThat(text(again)).contains("全年组织理论宣讲5场次").contains("开展专题研讨2次");
        assertThat(again.overridden()).hasSize(2);
        // taken back: the records' figure again
        ReportContent back = draft(new FigureSet(1, YEAR, some)).keepingTextOf(again.overriding(FigureName.OUTREACH_COUNT.key(), ""));
        assertThat(text(back)).contains("全年组织理论宣讲6场次");
        assertThat(back.overridden()).hasSize(1);
    }

    @Test
    void aHeadingRewordedByTheUserSurvivesRegeneration() {
        ReportContent generated = draft(FigureSet.empty(1, YEAR));
        assertThat(generated.block("theory").heading()).isEqualTo("抓好理论学习，夯实思想基础");
        ReportContent edited = generated.withTexts(Map.of(ReportContent.HEADING + "theory", "（三）坚持学习制度，学深悟透"));
        assertThat(edited.block("theory").heading()).isEqualTo("坚持学习制度，学深悟透");
        assertThat(edited.block("meetings").heading()).isEqualTo("专题研究部署，把握工作主动");
        ReportContent again = draft(FigureSet.empty(1, YEAR)).keepingTextOf(edited);
        assertThat(again.block("theory").heading()).isEqualTo("坚持学习制度，学深悟透");
        assertThat(again.block("meetings").heading()).isEqualTo("专题研究部署，把握工作主动");
    }

    private static FigureSet study(long sessions, long seminars) {
        Map<FigureName, Figure> f = new EnumMap<>(FigureName.class);
        EvidenceLink link = new EvidenceLink("学习", "/ledger/records/7");
        f.put(FigureName.STUDY_CENTRAL_GROUP_COUNT, Figure.count(sessions, List.of(link)));
        f.put(FigureName.SEMINAR_COUNT, Figure.count(seminars, List.of(link)));
        f.put(FigureName.ATTENDANCE_RATE, Figure.percent(java.math.BigDecimal.valueOf(90), List.of(link)));
        f.put(FigureName.SPEAKERS_COUNT, Figure.count(30, List.of(link)));
        return new FigureSet(1, YEAR, f);
    }

    @Test
    void aSentenceRewordedByTheUserKeepsItsWordsAndItsFiguresRefresh() {
        ReportContent generated = draft(study(11, 3));
        String shown = generated.block("theory").editableLines().get(0);
        assertThat(shown).isEqualTo("全年理论学习中心组集中学习〔中心组集中学习次数〕次，开展专题研讨〔中心组专题研讨次数〕次，"
                + "中心组成员出勤率〔中心组学习出勤率〕，交流发言〔交流发言人次〕人次。");
        // the officer rewords it and leaves out the speakers
        ReportContent edited = generated.withTexts(Map.of(ReportContent.LINE + "theory.0",
                "党委理论学习中心组全年集中学习〔中心组集中学习次数〕次，围绕重点专题研讨〔中心组专题研讨次数〕次，出勤率〔中心组学习出勤率〕。"));
        assertThat(edited.block("theory").lineTexts().get(0))
                .isEqualTo("党委理论学习中心组全年集中学习11次，围绕重点专题研讨3次，出勤率90%。");
        // still traceable: the numbers are the figures, with their records
        assertThat(edited.block("theory").lines().get(0)).filteredOn(p -> p.figure() != null)
                .extracting(ReportContent.Part::figure).containsExactly("studyCentralGroupCount", "seminarCount", "attendanceRate");
        // regenerated after the ledger changed: the words stay, the figures refresh
        ReportContent again = draft(study(12, 4)).keepingTextOf(edited);
        assertThat(again.block("theory").lineTexts().get(0))
                .isEqualTo("党委理论学习中心组全年集中学习12次，围绕重点专题研讨4次，出勤率90%。");
        // edited again, from the sentence as it now stands: still the same sentence's edit
        ReportContent twice = again.withTexts(Map.of(ReportContent.LINE + "theory.0",
                "全年集中学习〔中心组集中学习次数〕次，专题研讨〔中心组专题研讨次数〕次，出勤率〔中心组学习出勤率〕。"));
        assertThat(draft(study(13, 4)).keepingTextOf(twice).block("theory").lineTexts().get(0))
                .isEqualTo("全年集中学习13次，专题研讨4次，出勤率90%。");
        // a sentence given back unchanged is no edit
        assertThat(generated.withTexts(Map.of(ReportContent.LINE + "theory.0", shown)).block("theory").lineEdits()).isEmpty();
    }
}
