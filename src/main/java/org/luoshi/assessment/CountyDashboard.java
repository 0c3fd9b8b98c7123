package org.luoshi.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's view of all its townships against its published set of a year: totals, category
 * scores, rank, change against last year's set, warnings. County roles always see it; a township
 * sees it only when the county has published the ranking of the set (403 otherwise).
 */
@Service
@Transactional(readOnly = true)
class CountyDashboard {

    private final IndicatorSetService sets;
    private final EvaluationService evaluation;
    private final OrgUnitService units;

    CountyDashboard(IndicatorSetService sets, EvaluationService evaluation, OrgUnitService units) {
        this.sets = sets;
        this.evaluation = evaluation;
        this.units = units;
    }

    /**
     * @param lastYear total against last year's county set on its last day; null without such a set
     * @param change total minus lastYear; null without last year
     */
    record Row(OrgUnit township, BigDecimal total, BigDecimal maxTotal, Map<String, BigDecimal> categories, int rank,
            BigDecimal lastYear, BigDecimal change, int warnings) {
    }

    /** @param set the county set of the year, null if it has none published */
    record Dashboard(int year, LocalDate asOf, IndicatorSet set, List<String> categories, List<Row> rows) {
    }

    /** Whether this user may see the ranking of the year: county users always, townships once it is published. */
    boolean visible(DataScope scope, int year) {
        OrgUnit own = units.getUnchecked(scope.unitId());
        if (own.getKind() == OrgUnitKind.COUNTY) {
            return true;
        }
        return sets.countySet(countyOf(scope), year).map(IndicatorSet::isRankingPublished).orElse(false);
    }

    /** The user's own county (tiers above the county: not the root); the root for users above any county. */
    private OrgUnit countyOf(DataScope scope) {
        return units.countyOf(units.getUnchecked(scope.unitId())).orElseGet(() -> units.root().orElseThrow());
    }

    /** The township's row of the ranking, with the number of townships ranked; empty when the user may not see it. */
    Optional<Placing> placing(DataScope scope, OrgUnit township, int year) {
        if (!visible(scope, year)) {
            return Optional.empty();
        }
        // the place needs this year's totals only, not the comparison with last year
        List<Row> rows = dashboard(scope, year, false).rows();
        return rows.stream().filter(r -> r.township().getId().equals(township.getId())).findFirst()
                .map(r -> new Placing(r.rank(), rows.size()));
    }

    record Placing(int rank, int of) {
    }

    Dashboard dashboard(DataScope scope, int year) {
        return dashboard(scope, year, true);
    }

    private Dashboard dashboard(DataScope scope, int year, boolean withLastYear) {
        OrgUnit county = countyOf(scope);
        Optional<IndicatorSet> found = sets.countySet(county, year);
        if (!visible(scope, year)) {
            throw new org.luoshi.web.DeniedException("assessment.county.notPublished");
        }
        LocalDate asOf = evaluation.asOf(year);
        if (found.isEmpty()) {
            return new Dashboard(year, asOf, null, List.of(), List.of());
        }
        IndicatorSet set = found.get();
        Optional<IndicatorSet> previous = withLastYear ? sets.countySet(county, year - 1) : Optional.empty();
        List<OrgUnit> townships = units.ofKind(units.systemReader("county-ranking"), OrgUnitKind.TOWNSHIP).stream()
                .filter(OrgUnit::isActive).filter(t -> t.getPath().startsWith(county.getPath())).toList();
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        // informational indicators have no points, so no column in the ranking
        set.definition().indicators().stream().filter(i -> !i.informational()).forEach(i -> categories.add(i.category()));
        List<Row> rows = new ArrayList<>();
        // every township at once: one grouped query per indicator, not one per indicator, period and township
        List<Evaluation> nows = evaluation.evaluateForRanking(set, townships, asOf);
        List<Evaluation> lasts = previous.map(p -> evaluation.evaluateForRanking(p, townships, evaluation.asOf(year - 1)))
                .orElse(null);
        for (int i = 0; i < townships.size(); i++) {
            OrgUnit township = townships.get(i);
            Evaluation now = nows.get(i);
            Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
            now.categories().forEach(c -> byCategory.put(c.category(), c.score()));
            BigDecimal last = lasts == null ? null : lasts.get(i).total();
            rows.add(new Row(township, now.total(), now.maxTotal(), byCategory, 0, last,
                    last == null ? null : now.total().subtract(last), now.warnings().size()));
        }
        rows.sort(Comparator.comparing(Row::total).reversed().thenComparing(r -> r.township().getSortOrder())
                .thenComparing(r -> r.township().getName()));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            // equal totals share a rank (1, 2, 2, 4)
            int rank = i > 0 && r.total().compareTo(rows.get(i - 1).total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Row(r.township(), r.total(), r.maxTotal(), r.categories(), rank, r.lastYear(), r.change(),
                    r.warnings()));
        }
        return new Dashboard(year, asOf, set, List.copyOf(categories), List.copyOf(ranked));
    }
}
