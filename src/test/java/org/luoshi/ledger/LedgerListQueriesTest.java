package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list queries that must stay cheap at province scale (docs/performance.md, "Ledger lists at scale"):
 * a small subtree read unit by unit gives the same pages as the date-ordered read, counts stop at their
 * cap, and text search finds title and notes within the subtree only — on H2 and on PostgreSQL, where the
 * search must be able to use the trigram indexes.
 */
@LuoshiTest
class LedgerListQueriesTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerStore store;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    OrgUnitService units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    static final java.time.LocalDate TODAY = LedgerFixtures.TODAY;

    boolean postgres() {
        return jdbc.sql("select 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName())
                .single().equalsIgnoreCase("PostgreSQL");
    }

    @Test
    void aSmallSubtreeReadUnitByUnitPagesLikeTheDateOrderedRead() {
        DataScope officer = fx.scope("officer");
        OrgUnit a = fx.freshVillage("柳溪镇");
        OrgUnit b = fx.freshVillage("柳溪镇");
        for (int i = 0; i < 9; i++) {
            // several on one day, so that the id breaks the ties across units
            ledger.create(officer, "MEDIA_PLACEMENT", LedgerFixtures.media((i % 2 == 0 ? a : b).getId(), TODAY.minusDays(i / 3), "COUNTY", 1));
        }
        ledger.create(officer, "DIRECTIVE", LedgerFixtures.directive(a.getId(), "青宣发〔2024〕9号"));
        String path = fx.township("柳溪镇").getPath();
        List<Long> ids = units.smallSubtreeIds(path, 1000).orElseThrow();
        assertThat(ids).contains(a.getId(), b.getId());
        assertThat(units.smallSubtreeIds(path, 1)).isEmpty();
        for (RecordFilter filter : List.of(RecordFilter.all(), new RecordFilter("MEDIA_PLACEMENT", null, TODAY.minusDays(1), TODAY,
                null, null, false))) {
            List<Long> byUnit = pages(path, ids, filter);
            List<Long> byDate = pages(path, null, filter);
            assertThat(byUnit).isNotEmpty().isEqualTo(byDate).doesNotHaveDuplicates();
        }
    }

    private List<Long> pages(String path, List<Long> ids, RecordFilter filter) {
        List<Long> seen = new ArrayList<>();
        Cursor cursor = null;
        for (int guard = 0; guard < 10_000; guard++) {
            List<LedgerRecord> rows = store.page(path, ids, filter, cursor, 4, false);
            rows.forEach(r -> seen.add(r.id()));
            if (rows.size() < 4) {
                return seen;
            }
            LedgerRecord last = rows.get(rows.size() - 1);
            cursor = new Cursor(last.occurredOn(), last.id());
        }
        throw new AssertionError("no last page");
    }

    @Test
    void countsPerKindStopAtTheCap() {
        DataScope officer = fx.scope("officer");
        OrgUnit village = fx.freshVillage("柳溪镇");
        for (int i = 0; i < 3; i++) {
            ledger.create(officer, "MEDIA_PLACEMENT", LedgerFixtures.media(village.getId(), TODAY.minusDays(i), "COUNTY", 1));
        }
        ledger.create(officer, "DIRECTIVE", LedgerFixtures.directive(village.getId(), "青宣发〔2024〕11号"));
        List<String> codes = List.of("MEDIA_PLACEMENT", "DIRECTIVE", "AWARD");
        RecordFilter all = RecordFilter.all();

        Map<String, Long> capped = store.countsByKind(village.getPath(), all, codes, 2);
        assertThat(capped).containsEntry("MEDIA_PLACEMENT", 3L).containsEntry("DIRECTIVE", 1L).containsEntry("AWARD", 0L);
        KindCounts counts = new KindCounts(capped, 2);
        assertThat(counts.above("MEDIA_PLACEMENT")).isTrue();
        assertThat(counts.of("MEDIA_PLACEMENT")).isEqualTo(2);
        assertThat(counts.above("DIRECTIVE")).isFalse();
        assertThat(counts.aboveCap()).containsExactly("MEDIA_PLACEMENT");

        assertThat(store.countsByKind(village.getPath(), all, codes, 3)).containsEntry("MEDIA_PLACEMENT", 3L);
        // the service's counts are exact below its cap, and the filter's date range applies
        KindCounts exact = ledger.countsByKind(officer, new RecordFilter(null, village.getId(), TODAY.minusDays(1), null, null,
                null, false));
        assertThat(exact.of("MEDIA_PLACEMENT")).isEqualTo(2);
        assertThat(exact.aboveCap()).isEmpty();
        assertThat(exact.cap()).isEqualTo(LedgerService.COUNT_CAP);
    }

    @Test
    void textSearchFindsTitleAndNotesInTheSubtreeOnly() {
        DataScope officer = fx.scope("officer");
        OrgUnit own = fx.freshVillage("柳溪镇");
        OrgUnit other = fx.freshVillage("石桥乡");
        String word = "检索词" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        RecordCommand titled = LedgerFixtures.media(own.getId(), TODAY, "COUNTY", 1);
        LedgerRecord inTitle = ledger.create(officer, "MEDIA_PLACEMENT", withText(titled, "关于" + word + "的报道", null));
        LedgerRecord inNotes = ledger.create(officer, "MEDIA_PLACEMENT",
                withText(LedgerFixtures.media(own.getId(), TODAY.minusDays(1), "COUNTY", 1), "普通标题", "备注里有" + word));
        LedgerRecord elsewhere = ledger.create(fx.scope("officer2"), "MEDIA_PLACEMENT",
                withText(LedgerFixtures.media(other.getId(), TODAY, "COUNTY", 1), word, null));

        // any case: the text is compared in lower case on both sides
        RecordFilter search = new RecordFilter(null, null, null, null, word.toLowerCase(), null, false);
        assertThat(ledger.list(officer, search, null, 10).records()).extracting(LedgerRecord::id)
                .containsExactly(inTitle.id(), inNotes.id());
        assertThat(ledger.list(fx.scope("county"), search, null, 10).records()).extracting(LedgerRecord::id)
                .containsExactlyInAnyOrder(inTitle.id(), inNotes.id(), elsewhere.id());
        assertThat(ledger.list(officer, new RecordFilter(null, null, null, null, word + "不存在", null, false), null, 10)
                .records()).isEmpty();
        // one or two characters are searched too (without the trigram index), wildcards as text
        String two = word.substring(word.length() - 2).toLowerCase();
        RecordFilter shortText = new RecordFilter(null, own.getId(), null, null, two, null, false);
        assertThat(LedgerStore.isShort(two)).isTrue();
        assertThat(ledger.list(officer, shortText, null, 10).records()).extracting(LedgerRecord::id)
                .containsExactly(inTitle.id(), inNotes.id());
        assertThat(ledger.list(officer, new RecordFilter(null, own.getId(), null, null, "%", null, false), null, 10).records())
                .isEmpty();

        if (postgres()) {
            // the list's text condition is written with the expressions of the trigram indexes: with the table
            // scan ruled out, the plan reads both indexes (on a large ledger the planner weighs them against
            // the date and path indexes; docs/performance.md)
            assertThat(LedgerStore.pageSql(search, null, false)).contains(LedgerStore.TEXT_MATCH);
            Map<String, Object> params = new HashMap<>();
            params.put("q", "%" + LedgerStore.escapeLike(word.toLowerCase()) + "%");
            String plan = tx.execute(s -> {
                jdbc.sql("set local enable_seqscan = off").update();
                return String.join("\n", jdbc.sql("explain select r.id from ledger_record r where " + LedgerStore.TEXT_MATCH).params(params)
                        .query(String.class).list());
            });
            assertThat(plan).contains("ix_ledger_record_title_trgm").contains("ix_ledger_record_notes_trgm");
            // a two-character text must not read the trigram indexes whole
            Map<String, Object> shortParams = new HashMap<>();
            shortParams.put("qtext", two);
            String shortPlan = tx.execute(s -> {
                jdbc.sql("set local enable_seqscan = off").update();
                return String.join("\n", jdbc.sql("explain select r.id from ledger_record r where " + LedgerStore.SHORT_TEXT_MATCH)
                        .params(shortParams).query(String.class).list());
            });
            assertThat(shortPlan).doesNotContain("trgm");
        }
    }

    private static RecordCommand withText(RecordCommand command, String title, String notes) {
        return new RecordCommand(command.unitId(), command.occurredOn(), command.occurredUntil(), title, notes, command.tags(),
                command.fields(), command.attendance());
    }
}
