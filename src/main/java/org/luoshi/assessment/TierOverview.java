package org.luoshi.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home of a city's or province's reviewer: the counties below and all their townships, each
 * township scored against its OWN county's published set (the county's table, as on the county's
 * ranking), and the children of the reviewer's unit with their averages. Counties may use different
 * tables, so townships of different counties are compared by their score rate (total ÷ the set's
 * maximum), never by raw totals. It reads through the same evaluation as the county ranking and leaves
 * {@code CountyDashboard} as it is.
 */
@Service
@Transactional(readOnly = true)
class TierOverview {

    private final IndicatorSetService sets;
    private final EvaluationService evaluation;
    private final OrgUnitService units;

    TierOverview(IndicatorSetService sets, EvaluationService evaluation, OrgUnitService units) {
        this.sets = sets;
        this.evaluation = evaluation;
        this.units = units;
    }

    /**
     * @param rate total ÷ maximum × 100, one decimal; the township's rank in its county is by total
     */
    record TownshipRow(OrgUnit township, OrgUnit county, BigDecimal total, BigDecimal maxTotal, BigDecimal rate,
            int rank, int rankInCounty) {
    }

    /** @param set the county's published set of the year, null without one; averageRate null without townships scored */
    record CountyRow(OrgUnit county, IndicatorSet set, int townships, BigDecimal averageRate) {
    }

    /** A child of the reviewer's unit (a city of a province, a county of a city) and what lies below it. */
    record ChildRow(OrgUnit unit, int counties, int townships, int scored, BigDecimal averageRate) {
    }

    /** @param snapshotAt when the figures were taken, for an overview served from a snapshot; null when computed for the view */
    record Overview(OrgUnit root, int year, LocalDate asOf, List<ChildRow> children, List<CountyRow> counties,
            List<TownshipRow> townships, java.time.Instant snapshotAt) {

        Overview asOfSnapshot(java.time.Instant at) {
            return new Overview(root, year, asOf, children, counties, townships, at);
        }
    }

    /** Whether the user's own unit is a city or province: they have this overview; a county has its ranking. */
    boolean applies(DataScope scope) {
        OrgUnitKind kind = units.getUnchecked(scope.unitId()).getKind();
        return kind == OrgUnitKind.CITY || kind == OrgUnitKind.PROVINCE;
    }

    Overview overview(DataScope scope, int year) {
        OrgUnit root = units.get(scope, scope.unitId());
        LocalDate asOf = evaluation.asOf(year);
        List<OrgUnit> townshipsInScope = units.ofKind(scope, OrgUnitKind.TOWNSHIP).stream().filter(OrgUnit::isActive)
                .toList();
        List<OrgUnit> activeCounties = units.ofKind(scope, OrgUnitKind.COUNTY).stream().filter(OrgUnit::isActive).toList();
        Map<Long, IndicatorSet> countySets = sets.countySets(activeCounties.stream().map(OrgUnit::getId).toList(), year);
        // every county's townships against its own set, evaluated together: one grouped query per rule for all
        Map<Long, EvaluationService.Ranked> byCounty = new LinkedHashMap<>();
        for (OrgUnit county : activeCounties) {
            List<OrgUnit> own = townshipsInScope.stream().filter(county::contains).toList();
            IndicatorSet set = countySets.get(county.getId());
            if (set != null && !own.isEmpty()) {
                byCounty.put(county.getId(), new EvaluationService.Ranked(set, own));
            }
        }
        List<EvaluationService.Ranked> batches = List.copyOf(byCounty.values());
        List<List<Evaluation>> evaluated = evaluation.evaluateForRanking(batches, asOf);
        Map<EvaluationService.Ranked, List<Evaluation>> evaluations = new java.util.IdentityHashMap<>();
        for (int i = 0; i < batches.size(); i++) {
            evaluations.put(batches.get(i), evaluated.get(i));
        }
        List<CountyRow> counties = new ArrayList<>();
        List<TownshipRow> scored = new ArrayList<>();
        for (OrgUnit county : activeCounties) {
            EvaluationService.Ranked batch = byCounty.get(county.getId());
            if (batch == null) {
                IndicatorSet set = countySets.get(county.getId());
                counties.add(new CountyRow(county, set, (int) townshipsInScope.stream().filter(county::contains).count(), null));
                continue;
            }
            List<OrgUnit> own = batch.townships();
            List<Evaluation> results = evaluations.get(batch);
            List<TownshipRow> rows = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                Evaluation e = results.get(i);
                rows.add(new TownshipRow(own.get(i), county, e.total(), e.maxTotal(), rate(e.total(), e.maxTotal()), 0, 0));
            }
            rows.sort(Comparator.comparing(TownshipRow::total).reversed());
            for (int i = 0; i < rows.size(); i++) {
                TownshipRow r = rows.get(i);
                // equal totals share a rank (1, 2, 2, 4), as on the county's ranking
                int rank = i > 0 && r.total().compareTo(rows.get(i - 1).total()) == 0 ? rows.get(i - 1).rankInCounty() : i + 1;
                rows.set(i, new TownshipRow(r.township(), county, r.total(), r.maxTotal(), r.rate(), 0, rank));
            }
            scored.addAll(rows);
            counties.add(new CountyRow(county, batch.set(), own.size(), average(rows)));
        }
        scored.sort(Comparator.comparing(TownshipRow::rate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.township().getName()));
        List<TownshipRow> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            TownshipRow r = scored.get(i);
            int rank = i > 0 && r.rate() != null && r.rate().compareTo(scored.get(i - 1).rate() == null ? BigDecimal.ZERO
                    : scored.get(i - 1).rate()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new TownshipRow(r.township(), r.county(), r.total(), r.maxTotal(), r.rate(), rank, r.rankInCounty()));
        }
        List<ChildRow> children = new ArrayList<>();
        for (OrgUnit child : units.children(scope, root.getId())) {
            if (!child.isActive() || !(child.getKind() == OrgUnitKind.CITY || child.getKind() == OrgUnitKind.COUNTY)) {
                continue;
            }
            List<TownshipRow> below = ranked.stream().filter(r -> child.contains(r.township())).toList();
            int countiesBelow = (int) counties.stream().filter(c -> child.contains(c.county())).count();
            int townshipsBelow = (int) townshipsInScope.stream().filter(child::contains).count();
            children.add(new ChildRow(child, countiesBelow, townshipsBelow, below.size(), average(below)));
        }
        return new Overview(root, year, asOf, children, counties, ranked, null);
    }

    private static BigDecimal rate(BigDecimal total, BigDecimal max) {
        if (total == null || max == null || max.signum() == 0) {
            return null;
        }
        return total.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
    }

    /** The mean of the townships' rates, one decimal; null when none was scored. */
    private static BigDecimal average(List<TownshipRow> rows) {
        List<BigDecimal> rates = rows.stream().map(TownshipRow::rate).filter(java.util.Objects::nonNull).toList();
        if (rates.isEmpty()) {
            return null;
        }
        return rates.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(rates.size()), 1,
                RoundingMode.HALF_UP);
    }
}
