package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.Person;
import org.luoshi.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@LuoshiTest
class LedgerServiceTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerStatistics stats;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.luoshi.org.OrgUnitService units;

    static final LocalDate TODAY = LedgerFixtures.TODAY;

    DataScope officer() {
        return fx.scope("officer");
    }

    List<Violation> refused(Runnable action) {
        try {
            action.run();
        } catch (LedgerValidationException e) {
            return e.violations();
        }
        throw new AssertionError("expected the record to be refused");
    }

    Set<String> fieldsOf(List<Violation> violations) {
        Set<String> fields = new HashSet<>();
        violations.forEach(v -> fields.add(v.field() + ":" + v.messageKey()));
        return fields;
    }

    long records(long unitId) {
        return jdbc.sql("select count(*) from ledger_record where org_unit_id = :u").param("u", unitId).query(Long.class).single();
    }

    @Test
    void directiveNumbersMustTakeTheOfficialFormAndSquareBracketsAreConverted() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord record = ledger.create(officer(), "DIRECTIVE", LedgerFixtures.directive(unit.getId(), "兴办发[2023]18号"));
        assertThat(record.field("docNumber")).isEqualTo("兴办发〔2023〕18号");
        for (String bad : List.of("18号", "兴办发2023年18号", "兴办发〔2023〕018号", "兴办发〔23〕18号", "abc〔2023〕1号")) {
            assertThat(fieldsOf(refused(() -> ledger.create(officer(), "DIRECTIVE", LedgerFixtures.directive(unit.getId(), bad)))))
                    .as(bad).containsExactly("fields.docNumber:ledger.error.docNumber");
        }
        assertThat(records(unit.getId())).isEqualTo(1);
    }

    @Test
    void missingRequiredFieldsAreAllReportedAndNothingIsSaved() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        RecordCommand empty = new RecordCommand(unit.getId(), null, null, " ", null, List.of(), Map.of(), List.of());
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "MEETING", empty)))).contains(
                "occurredOn:ledger.error.required", "title:ledger.error.required", "fields.subKind:ledger.error.required",
                "fields.topics:ledger.error.required");
        // a directive may have no number (会议精神, many 通知): the issuer is required, the number not
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "DIRECTIVE", empty)))).contains(
                "fields.issuer:ledger.error.required").doesNotContain("fields.docNumber:ledger.error.required");
        assertThat(records(unit.getId())).isZero();
    }

    @Test
    void countsCannotBeNegativeAndEnumsMustBeOptions() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        Map<String, Object> fields = new HashMap<>(Map.of("lecturers", "宣讲团", "audience", -5));
        RecordCommand outreach = new RecordCommand(unit.getId(), TODAY, null, "宣讲", null, List.of(), fields, List.of());
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "OUTREACH", outreach))))
                .containsExactly("fields.audience:ledger.error.negative");
        RecordCommand media = LedgerFixtures.media(unit.getId(), TODAY, "GALACTIC", 1);
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "MEDIA_PLACEMENT", media))))
                .containsExactly("fields.level:ledger.error.notAnOption");
        Map<String, Object> badLink = new HashMap<>(LedgerFixtures.media(unit.getId(), TODAY, "COUNTY", 1).fields());
        badLink.put("link", "javascript:alert(1)");
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "MEDIA_PLACEMENT",
                new RecordCommand(unit.getId(), TODAY, null, "稿件", null, List.of(), badLink, List.of())))))
                .containsExactly("fields.link:ledger.error.url");
        assertThat(records(unit.getId())).isZero();
    }

    @Test
    void datesMayNotLieInTheFutureNorEndBeforeTheyStart() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        RecordCommand future = LedgerFixtures.media(unit.getId(), TODAY.plusDays(1), "COUNTY", 1);
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "MEDIA_PLACEMENT", future))))
                .containsExactly("occurredOn:ledger.error.future");
        Map<String, Object> fields = new HashMap<>(Map.of("channel", "网络", "category", "民生", "level", "GENERAL",
                "closedOn", TODAY.minusDays(5).toString()));
        RecordCommand closedBefore = new RecordCommand(unit.getId(), TODAY.minusDays(2), null, "舆情", null, List.of(), fields, List.of());
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "OPINION_CASE", closedBefore))))
                .containsExactly("fields.closedOn:ledger.error.beforeOccurredOn");
        RecordCommand study = LedgerFixtures.study(unit.getId(), TODAY.minusDays(2), List.of());
        RecordCommand backwards = new RecordCommand(unit.getId(), TODAY.minusDays(2), TODAY.minusDays(4), "宣讲", null, List.of(),
                Map.of("lecturers", "宣讲团"), List.of());
        // 宣讲 may run over several days (a campaign), but not end before it starts
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "OUTREACH", backwards))))
                .containsExactly("occurredUntil:ledger.error.untilBeforeOn");
        assertThat(study).isNotNull();
        assertThat(records(unit.getId())).isZero();
    }

    @Test
    void attendanceNeedsALeaveReasonAndOnlyPeopleOfTheTownship() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        Person local = fx.person(unit.getId());
        Person township = fx.person(fx.township("柳溪镇").getId());
        Person foreign = fx.person(fx.township("石桥乡").getId());
        RecordCommand noReason = LedgerFixtures.study(unit.getId(), TODAY, List.of(
                new AttendanceEntry(local.getId(), "LEAVE", " ", false, false)));
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "STUDY_SESSION", noReason))))
                .containsExactly("attendance[0].leaveReason:ledger.attendance.leaveReasonRequired");
        RecordCommand withForeigner = LedgerFixtures.study(unit.getId(), TODAY, List.of(
                new AttendanceEntry(local.getId(), "PRESENT", null, true, true),
                new AttendanceEntry(foreign.getId(), "PRESENT", null, false, false)));
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "STUDY_SESSION", withForeigner))))
                .containsExactly("attendance[1].personId:ledger.attendance.personOutside");
        assertThat(records(unit.getId())).isZero();

        LedgerRecord ok = ledger.create(officer(), "STUDY_SESSION", LedgerFixtures.study(unit.getId(), TODAY, List.of(
                new AttendanceEntry(local.getId(), "PRESENT", null, true, true),
                new AttendanceEntry(township.getId(), "LEAVE", "下村走访", false, false))));
        assertThat(ok.listed()).isEqualTo(2);
        assertThat(ok.present()).isEqualTo(1);
        assertThat(ok.attendanceRate()).isEqualTo(50.0);
    }

    @Test
    void lateIsSetWhenRecordedMoreThanThirtyDaysAfterTheEvent() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        Instant now = org.luoshi.TestClock.now();
        LocalDate today = now.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        LedgerRecord thirty = ledger.create(officer(), "MEDIA_PLACEMENT",
                LedgerFixtures.media(unit.getId(), today.minusDays(30), "COUNTY", 1), now);
        LedgerRecord thirtyOne = ledger.create(officer(), "MEDIA_PLACEMENT",
                LedgerFixtures.media(unit.getId(), today.minusDays(31), "COUNTY", 1), now);
        assertThat(thirty.late()).isFalse();
        assertThat(thirtyOne.late()).isTrue();
        assertThat(ledger.list(officer(), new RecordFilter(null, unit.getId(), null, null, null, null, true), null, 10)
                .records()).extracting(LedgerRecord::id).containsExactly(thirtyOne.id());
        // Shanghai dates: 20:00 UTC is already the next day in Shanghai.
        assertThat(ledger.isLate(LocalDate.of(2026, 1, 1), Instant.parse("2026-01-31T15:59:00Z"))).isFalse();
        assertThat(ledger.isLate(LocalDate.of(2026, 1, 1), Instant.parse("2026-01-31T16:01:00Z"))).isTrue();
    }

    @Test
    void anEditNeedsAReasonAndKeepsThePreviousVersion() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord record = ledger.create(officer(), "DIRECTIVE", LedgerFixtures.directive(unit.getId(), "青宣发〔2024〕3号"));
        RecordCommand changed = new RecordCommand(unit.getId(), record.occurredOn(), null, "关于做好宣传思想工作的补充通知", null,
                List.of(), Map.of("issuer", "青禾县委宣传部", "docNumber", "青宣发〔2024〕4号"), List.of());
        assertThat(fieldsOf(refused(() -> ledger.update(officer(), record.id(), changed, " ", null))))
                .containsExactly("reason:ledger.error.reasonRequired");
        assertThat(ledger.get(officer(), record.id()).title()).isEqualTo(record.title());

        LedgerRecord updated = ledger.update(officer(), record.id(), changed, "文号录入错误", record.version());
        assertThat(updated.field("docNumber")).isEqualTo("青宣发〔2024〕4号");
        assertThat(updated.updatedBy()).isEqualTo("officer");
        List<Revision> history = ledger.history(officer(), record.id());
        assertThat(history).hasSize(1);
        Revision revision = history.get(0);
        assertThat(revision.reason()).isEqualTo("文号录入错误");
        assertThat(revision.changedBy()).isEqualTo("officer");
        assertThat(revision.changes()).extracting(Change::key)
                .contains("title", "fields.issuer", "fields.docNumber", "fields.requirements", "tags");
        assertThat(revision.changes()).filteredOn(c -> c.key().equals("fields.docNumber")).singleElement()
                .satisfies(c -> {
                    assertThat(c.before()).isEqualTo("青宣发〔2024〕3号");
                    assertThat(c.after()).isEqualTo("青宣发〔2024〕4号");
                });
        assertThatThrownBy(() -> ledger.update(officer(), record.id(), changed, "再次修改", record.version()))
                .isInstanceOf(org.luoshi.web.RuleViolationException.class);
    }

    @Test
    void aRecordFollowsItsUnitWhenTheUnitMovesToAnotherTownship() {
        OrgUnit village = fx.freshVillage("柳溪镇");
        ledger.create(officer(), "MEDIA_PLACEMENT", LedgerFixtures.media(village.getId(), TODAY, "COUNTY", 2));
        Selection inVillage = Selection.of(village.getPath(), LedgerKind.MEDIA_PLACEMENT, null, null);
        OrgUnit from = fx.township("柳溪镇");
        OrgUnit to = fx.township("石桥乡");
        long before = stats.count(inVillage.under(to.getPath()));

        OrgUnit moved = units.move(fx.scope("admin"), village.getId(), to.getId());

        // the figures of both townships and of the village at its new place agree with the tree
        assertThat(stats.count(inVillage.under(moved.getPath()))).isEqualTo(1);
        assertThat(stats.count(inVillage)).isZero();
        assertThat(stats.count(inVillage.under(to.getPath()))).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from ledger_record where unit_path = :old").param("old", village.getPath())
                .query(Long.class).single()).isZero();
        assertThat(ledger.list(officer(), new RecordFilter(null, from.getId(), null, null, null, null, false), null, 500)
                .records()).noneMatch(r -> r.unitId() == village.getId());
    }

    @Test
    void softDeleteHidesTheRecordAndAnAdministratorRestoresIt() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord record = ledger.create(officer(), "MEDIA_PLACEMENT", LedgerFixtures.media(unit.getId(), TODAY, "COUNTY", 2));
        Selection figure = Selection.of(unit.getPath(), LedgerKind.MEDIA_PLACEMENT, null, null);
        assertThat(stats.count(figure)).isEqualTo(1);
        assertThat(fieldsOf(refused(() -> ledger.delete(officer(), record.id(), null)))).containsExactly("reason:ledger.error.reasonRequired");
        ledger.delete(officer(), record.id(), "重复登记");
        assertThatThrownBy(() -> ledger.get(officer(), record.id())).isInstanceOf(NotFoundException.class);
        assertThat(ledger.list(officer(), new RecordFilter(null, unit.getId(), null, null, null, null, false), null, 10).records()).isEmpty();
        assertThat(stats.count(figure)).isZero();
        assertThat(ledger.deleted(fx.scope("admin"), new RecordFilter(null, unit.getId(), null, null, null, null, false), null, 10)
                .records()).extracting(LedgerRecord::id).containsExactly(record.id());

        LedgerRecord restored = ledger.restore(fx.scope("admin"), record.id(), "误删");
        assertThat(restored.deleted()).isFalse();
        assertThat(stats.count(figure)).isEqualTo(1);
        assertThat(ledger.history(officer(), record.id())).extracting(Revision::action).containsExactly("DELETE", "RESTORE");
    }

    @Test
    void readOnlyRolesCannotWriteAndOtherTownshipsAreInvisible() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord record = ledger.create(officer(), "MEDIA_PLACEMENT", LedgerFixtures.media(unit.getId(), TODAY, "COUNTY", 1));
        assertThatThrownBy(() -> ledger.create(fx.scope("county"), "MEDIA_PLACEMENT",
                LedgerFixtures.media(unit.getId(), TODAY, "COUNTY", 1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.delete(fx.scope("leader"), record.id(), "x")).isInstanceOf(AccessDeniedException.class);
        assertThat(ledger.get(fx.scope("county"), record.id()).id()).isEqualTo(record.id());
        assertThatThrownBy(() -> ledger.get(fx.scope("officer2"), record.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.get(fx.scope("clerk"), record.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.create(fx.scope("clerk"), "MEDIA_PLACEMENT",
                LedgerFixtures.media(unit.getId(), TODAY, "COUNTY", 1))).isInstanceOf(NotFoundException.class);
        long clerkVillage = fx.village("柳溪村").getId();
        LedgerRecord own = ledger.create(fx.scope("clerk"), "MEDIA_PLACEMENT", LedgerFixtures.media(clerkVillage, TODAY, "COUNTY", 1));
        assertThat(own.recordedBy()).isEqualTo("clerk");
    }

    @Test
    void keysetPagesReturnEveryRecordExactlyOnceWithoutOffset() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Several records share a date, so the id must break ties.
            created.add(ledger.create(officer(), "MEDIA_PLACEMENT",
                    LedgerFixtures.media(unit.getId(), TODAY.minusDays(i / 3), i % 2 == 0 ? "COUNTY" : "PROVINCIAL", 1)).id());
        }
        RecordFilter filter = new RecordFilter(null, unit.getId(), null, null, null, null, false);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RecordPage page = ledger.list(officer(), filter, cursor, 5);
            page.records().forEach(r -> seen.add(r.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        String sql = LedgerStore.pageSql(filter, new Cursor(TODAY, 1), false).toLowerCase();
        assertThat(sql).doesNotContain("offset").contains("limit").contains("r.occurred_on < :cursor_on");

        KindCounts counts = ledger.countsByKind(officer(), filter);
        assertThat(counts.of("MEDIA_PLACEMENT")).isEqualTo(23);
        assertThat(counts.above("MEDIA_PLACEMENT")).isFalse();
        assertThat(counts.of("DIRECTIVE")).isZero();
        assertThat(ledger.countsByKind(officer(), new RecordFilter("DIRECTIVE", unit.getId(), TODAY.minusDays(2), null, null,
                null, false)).of("MEDIA_PLACEMENT")).isEqualTo(9);
    }

    @Test
    void textAndTagFiltersFindTheirRecords() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        ledger.create(officer(), "DIRECTIVE", LedgerFixtures.directive(unit.getId(), "青宣发〔2024〕7号"));
        ledger.create(officer(), "MEDIA_PLACEMENT", LedgerFixtures.media(unit.getId(), TODAY, "COUNTY", 1));
        assertThat(ledger.list(officer(), new RecordFilter(null, unit.getId(), null, null, "宣传思想", null, false), null, 10)
                .records()).extracting(LedgerRecord::kind).containsExactly("DIRECTIVE");
        assertThat(ledger.list(officer(), new RecordFilter(null, unit.getId(), null, null, null, "文件", false), null, 10)
                .records()).extracting(LedgerRecord::kind).containsExactly("DIRECTIVE");
        assertThat(ledger.list(officer(), new RecordFilter(null, unit.getId(), null, null, "100%", null, false), null, 10)
                .records()).isEmpty();
    }

    @Test
    void figuresEqualCountsComputedFromTheRecords() {
        OrgUnit unit = fx.freshVillage("石桥乡");
        DataScope officer2 = fx.scope("officer2");
        List<LedgerRecord> media = new ArrayList<>();
        String[] levels = {"COUNTY", "PROVINCIAL", "MUNICIPAL", "PROVINCIAL", "NATIONAL", "COUNTY", "PROVINCIAL"};
        for (int i = 0; i < levels.length; i++) {
            media.add(ledger.create(officer2, "MEDIA_PLACEMENT", LedgerFixtures.media(unit.getId(), TODAY.minusDays(i * 10), levels[i], i + 1)));
        }
        LocalDate from = TODAY.minusDays(45);
        List<LedgerRecord> inRange = media.stream().filter(r -> !r.occurredOn().isBefore(from)).toList();
        Selection figure = Selection.of(unit.getPath(), LedgerKind.MEDIA_PLACEMENT, from, TODAY);
        assertThat(stats.count(figure)).isEqualTo(inRange.size());
        assertThat(stats.count(figure.where("level", "PROVINCIAL")))
                .isEqualTo(inRange.stream().filter(r -> r.field("level").equals("PROVINCIAL")).count());
        assertThat(stats.sum(figure, "articleCount")).isEqualByComparingTo(
                BigDecimal.valueOf(inRange.stream().mapToLong(r -> (Long) r.field("articleCount")).sum()));
        assertThat(stats.recordIds(figure.where("level", "PROVINCIAL"), 100)).containsExactlyInAnyOrderElementsOf(
                inRange.stream().filter(r -> r.field("level").equals("PROVINCIAL")).map(LedgerRecord::id).toList());

        Person a = fx.person(unit.getId());
        Person b = fx.person(unit.getId());
        Person c = fx.person(unit.getId());
        ledger.create(officer2, "STUDY_SESSION", LedgerFixtures.study(unit.getId(), TODAY.minusDays(1), List.of(
                new AttendanceEntry(a.getId(), "PRESENT", null, true, true), new AttendanceEntry(b.getId(), "PRESENT", null, false, true),
                new AttendanceEntry(c.getId(), "ABSENT", null, false, false))));
        ledger.create(officer2, "STUDY_SESSION", LedgerFixtures.study(unit.getId(), TODAY.minusDays(2), List.of(
                new AttendanceEntry(a.getId(), "PRESENT", null, false, false), new AttendanceEntry(b.getId(), "LEAVE", "病假", false, false))));
        AttendanceFigure attendance = stats.attendance(
                Selection.of(unit.getPath(), LedgerKind.STUDY_SESSION, null, null).where("subKind", "CENTRAL_GROUP"));
        assertThat(attendance.sessions()).isEqualTo(2);
        assertThat(attendance.listed()).isEqualTo(5);
        assertThat(attendance.present()).isEqualTo(3);
        assertThat(attendance.rate()).isEqualTo(60.0);
        assertThat(attendance.spoke()).isEqualTo(1);

        // The same figures per group, each kind in one query: counts and sums per level ...
        List<LedgerTally> tallies = stats.tally(figure, List.of("level"), List.of("articleCount"));
        for (String level : List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY")) {
            List<LedgerRecord> atLevel = inRange.stream().filter(r -> r.field("level").equals(level)).toList();
            LedgerTally tally = tallies.stream().filter(t -> level.equals(t.group().get("level"))).findFirst().orElse(null);
            if (atLevel.isEmpty()) {
                assertThat(tally).isNull();
                continue;
            }
            assertThat(tally.count()).isEqualTo(atLevel.size());
            assertThat(tally.sum("articleCount")).isEqualByComparingTo(
                    BigDecimal.valueOf(atLevel.stream().mapToLong(r -> (Long) r.field("articleCount")).sum()));
        }
        assertThat(stats.tally(figure, List.of(), List.of())).singleElement()
                .satisfies(t -> assertThat(t.count()).isEqualTo(inRange.size()));
        // ... the newest records of each level, newest first, at most the limit per level ...
        Map<Object, LedgerRecord> newestPerLevel = new HashMap<>();
        inRange.forEach(r -> newestPerLevel.merge(r.field("level"), r, (x, y) -> x.occurredOn().isAfter(y.occurredOn()) ? x : y));
        assertThat(stats.newestRecords(figure, List.of("level"), 1)).extracting(NewestRecord::id)
                .containsExactlyElementsOf(newestPerLevel.values().stream()
                        .sorted(Comparator.comparing(LedgerRecord::occurredOn).reversed()).map(LedgerRecord::id).toList());
        assertThat(stats.newestRecords(figure, List.of(), 2)).extracting(NewestRecord::id)
                .containsExactly(media.get(0).id(), media.get(1).id());
        // ... and attendance per sub-kind.
        assertThat(stats.attendanceBy(Selection.of(unit.getPath(), LedgerKind.STUDY_SESSION, null, null), "subKind"))
                .containsOnlyKeys("CENTRAL_GROUP").containsValue(new AttendanceFigure(2, 5, 3, 1));
    }

    @Test
    void anOpinionCaseHandledOnTimeNeedsItsClosingDate() {
        long unit = fx.freshVillage("柳溪镇").getId();
        java.util.Map<String, Object> fields = new java.util.HashMap<>(java.util.Map.of("channel", "本地论坛",
                "category", "民生", "level", "GENERAL", "onTime", true));
        RecordCommand open = new RecordCommand(unit, TODAY.minusDays(2), null, "道路施工扬尘", null, List.of(), fields, List.of());
        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "OPINION_CASE", open))))
                .containsExactly("fields.closedOn:ledger.error.requires");
        assertThat(records(unit)).isZero();

        fields.put("closedOn", TODAY.minusDays(1));
        ledger.create(officer(), "OPINION_CASE", new RecordCommand(unit, TODAY.minusDays(2), null, "道路施工扬尘", null,
                List.of(), fields, List.of()));
        assertThat(records(unit)).isEqualTo(1);
    }

    @Test
    void aDeactivatedUnitTakesNoNewRecordsButItsOldOnesStayEditable() {
        org.luoshi.org.OrgUnit village = fx.freshVillage("柳溪镇");
        LedgerRecord old = ledger.create(officer(), "MEDIA_PLACEMENT", LedgerFixtures.media(village.getId(), TODAY, "COUNTY", 1));
        units.setActive(units.systemScope("test"), village.getId(), false);

        assertThat(fieldsOf(refused(() -> ledger.create(officer(), "MEDIA_PLACEMENT",
                LedgerFixtures.media(village.getId(), TODAY, "COUNTY", 2))))).contains("unitId:ledger.error.unitInactive");
        assertThat(records(village.getId())).isEqualTo(1);

        LedgerRecord edited = ledger.update(officer(), old.id(), LedgerFixtures.media(village.getId(), TODAY, "COUNTY", 3),
                "篇数记错", null);
        assertThat(edited.version()).isGreaterThan(old.version());
    }
}
