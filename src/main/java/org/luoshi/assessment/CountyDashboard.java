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
 * The ranking of townships against the published set of a year: totals, category scores, rank,
 * change against last year's set, warnings. A reviewer above the township level (a county, or any
 * tier above it) sees the townships of its own subtree only; a township user sees its county's
 * ranking once the county has published it (403 otherwise).
 *
 * <p>Townships are ranked within the unit whose set they are ranked by: for a county reviewer that is
 * the county; for a reviewer further up, each child of the reviewer's unit (a city sees each of its
 * counties with all their townships). The cost is a fixed number of grouped queries per set, however
 * many townships there are: the figures come from {@link EvaluationService#evaluateForRanking} in
 * batch, and nothing is read once per township.
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
     * @param group the unit whose set ranks the township (its county)
     * @param lastYear total against last year's set of the group on its last day; null without such a set
     * @param change total minus lastYear; null without last year
     */
    record Row(OrgUnit township, BigDecimal total, BigDecimal maxTotal, Map<String, BigDecimal> categories, int rank,
            BigDecimal lastYear, BigDecimal change, int warnings, OrgUnit group) {
    }

    /** The townships ranked by one unit's set; {@code set} null when the unit has none published. */
    record Group(OrgUnit unit, IndicatorSet set, List<String> categories, List<Row> rows) {
    }

    /**
     * @param groups one per unit whose set ranks townships, in tree order; one for a county reviewer
     */
    record Dashboard(int year, LocalDate asOf, List<Group> groups) {

        /** The set of the first group (the county's, for a county reviewer); null if it has none published. */
        public IndicatorSet set() {
            return groups.stream().map(Group::set).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }

        /** The categories of every group's set, in order. */
        public List<String> categories() {
            LinkedHashSet<String> all = new LinkedHashSet<>();
            groups.forEach(g -> all.addAll(g.categories()));
            return List.copyOf(all);
        }

        /** Every ranked township, group after group; each rank is within its group. */
        public List<Row> rows() {
            return groups.stream().flatMap(g -> g.rows().stream()).toList();
        }
    }

    /** Whether this user may see the ranking of the year: reviewers above townships always, others once it is published. */
    boolean visible(DataScope scope, int year) {
        OrgUnit own = units.getUnchecked(scope.unitId());
        if (aboveTownships(own)) {
            return true;
        }
        return sets.countySet(rankingRoot(own), year).map(IndicatorSet::isRankingPublished).orElse(false);
    }

    /** A unit above the township level (county or higher): the kinds that rank townships. */
    private static boolean aboveTownships(OrgUnit unit) {
        return unit.getKind() != OrgUnitKind.TOWNSHIP && unit.getKind() != OrgUnitKind.VILLAGE
                && unit.getKind() != OrgUnitKind.DEPARTMENT;
    }

    /** The unit whose ranking the user sees: its own unit or the first one above it that ranks townships. */
    private OrgUnit rankingRoot(OrgUnit own) {
        OrgUnit current = own;
        while (!aboveTownships(current) && current.getParentId() != null) {
            current = units.getUnchecked(current.getParentId());
        }
        return current;
    }

    /** The township's row of the ranking, with the number of townships ranked with it; empty when the user may not see it. */
    Optional<Placing> placing(DataScope scope, OrgUnit township, int year) {
        if (!visible(scope, year)) {
            return Optional.empty();
        }
        // the place needs this year's totals only, not the comparison with last year
        return dashboard(scope, year, false).groups().stream()
                .flatMap(g -> g.rows().stream().filter(r -> r.township().getId().equals(township.getId()))
                        .map(r -> new Placing(r.rank(), g.rows().size())))
                .findFirst();
    }

    record Placing(int rank, int of) {
    }

    Dashboard dashboard(DataScope scope, int year) {
        return dashboard(scope, year, true);
    }

    private Dashboard dashboard(DataScope scope, int year, boolean withLastYear) {
        if (!visible(scope, year)) {
            throw new org.luoshi.web.DeniedException("assessment.county.notPublished");
        }
        OrgUnit root = rankingRoot(units.getUnchecked(scope.unitId()));
        LocalDate asOf = evaluation.asOf(year);
        // the townships of the root's subtree only (one query), grouped by the unit whose set ranks them
        List<OrgUnit> townships = units.ofKind(DataScope.readOnly("county-ranking", root), OrgUnitKind.TOWNSHIP).stream()
                .filter(OrgUnit::isActive).toList();
        Map<String, List<OrgUnit>> byGroup = new LinkedHashMap<>();
        for (OrgUnit township : townships) {
            byGroup.computeIfAbsent(groupPath(root, township), k -> new ArrayList<>()).add(township);
        }
        Map<String, OrgUnit> groupUnits = new java.util.HashMap<>(units.atPaths(DataScope.readOnly("county-ranking", root),
                byGroup.keySet()));
        groupUnits.put(root.getPath(), root);
        List<Long> groupIds = byGroup.keySet().stream().map(p -> groupUnits.get(p).getId()).toList();
        Map<Long, IndicatorSet> now = sets.countySets(groupIds.isEmpty() ? List.of(root.getId()) : groupIds, year);
        Map<Long, IndicatorSet> before = withLastYear ? sets.countySets(groupIds, year - 1) : Map.of();
        List<Group> groups = new ArrayList<>();
        List<String> paths = new ArrayList<>(byGroup.keySet());
        paths.sort(Comparator.naturalOrder());
        for (String path : paths) {
            OrgUnit unit = groupUnits.get(path);
            groups.add(group(unit, now.get(unit.getId()), before.get(unit.getId()), byGroup.get(path), year, asOf));
        }
        if (groups.isEmpty()) {
            groups.add(new Group(root, now.get(root.getId()), List.of(), List.of()));
        }
        return new Dashboard(year, asOf, List.copyOf(groups));
    }

    /**
     * The path of the unit whose set ranks the township: the root when the township lies directly
     * below it (a county's own townships), otherwise the root's child that holds the township.
     */
    private static String groupPath(OrgUnit root, OrgUnit township) {
        String rest = township.getPath().substring(root.getPath().length());
        int cut = rest.indexOf('/');
        boolean direct = cut == rest.length() - 1;
        return direct ? root.getPath() : root.getPath() + rest.substring(0, cut + 1);
    }

    private Group group(OrgUnit unit, IndicatorSet set, IndicatorSet previous, List<OrgUnit> townships, int year,
            LocalDate asOf) {
        if (set == null) {
            return new Group(unit, null, List.of(), List.of());
        }
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        // informational indicators have no points, so no column in the ranking
        set.definition().indicators().stream().filter(i -> !i.informational()).forEach(i -> categories.add(i.category()));
        List<Row> rows = new ArrayList<>();
        // every township at once: one grouped query per indicator, not one per indicator, period and township
        List<Evaluation> nows = evaluation.evaluateForRanking(set, townships, asOf);
        List<Evaluation> lasts = previous == null ? null
                : evaluation.evaluateForRanking(previous, townships, evaluation.asOf(year - 1));
        for (int i = 0; i < townships.size(); i++) {
            OrgUnit township = townships.get(i);
            Evaluation current = nows.get(i);
            Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
            current.categories().forEach(c -> byCategory.put(c.category(), c.score()));
            BigDecimal last = lasts == null ? null : lasts.get(i).total();
            rows.add(new Row(township, current.total(), current.maxTotal(), byCategory, 0, last,
                    last == null ? null : current.total().subtract(last), current.warnings().size(), unit));
        }
        rows.sort(Comparator.comparing(Row::total).reversed().thenComparing(r -> r.township().getSortOrder())
                .thenComparing(r -> r.township().getName()));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            // equal totals share a rank (1, 2, 2, 4)
            int rank = i > 0 && r.total().compareTo(rows.get(i - 1).total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Row(r.township(), r.total(), r.maxTotal(), r.categories(), rank, r.lastYear(), r.change(),
                    r.warnings(), unit));
        }
        return new Group(unit, set, List.copyOf(categories), List.copyOf(ranked));
    }
}
