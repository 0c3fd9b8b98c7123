package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.ledger.LedgerTally;
import org.luoshi.ledger.LedgerTerms;
import org.luoshi.ledger.Selection;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the evaluation and county charts, from the ledger's statistics: records per month by
 * kind, media placements by level and medium, study attendance per month, this year against last
 * year, and how the townships' totals are distributed.
 * Same scope rules as the pages (another township: 404; an unpublished ranking: 403).
 */
@RestController
@RequestMapping("/assessment/charts")
@Transactional(readOnly = true)
class ChartController {

    private final LedgerStatistics ledger;
    private final OrgUnitService units;
    private final CountyDashboard county;
    private final MessageSource messages;
    private final EvaluationService evaluation;

    ChartController(LedgerStatistics ledger, OrgUnitService units, CountyDashboard county,
            MessageSource messages, EvaluationService evaluation) {
        this.evaluation = evaluation;
        this.ledger = ledger;
        this.units = units;
        this.county = county;
        this.messages = messages;
    }

    record Series(String label, List<Long> counts) {
    }

    /**
     * @param attendance study-session attendance per month in percent (present / listed), null in a month without sessions
     * @param thisYear records per month of the year, {@code lastYear} the same for the year before
     */
    record TownshipCharts(String recordsTitle, List<String> months, List<Series> kinds, String mediaTitle,
            List<String> levels, List<Series> media, String attendanceTitle, List<Double> attendance,
            String yearsTitle, String thisYearLabel, List<Long> thisYear, String lastYearLabel, List<Long> lastYear) {
    }

    record CountyChart(String title, List<String> bands, List<Long> counts) {
    }

    @GetMapping("/township")
    TownshipCharts township(DataScope scope, @RequestParam long townshipId, @RequestParam int year) {
        String path = units.get(scope, townshipId).getPath();
        Map<LedgerKind, long[]> byKind = ledger.monthlyCountsByKind(path, year);
        long[] thisYear = new long[12];
        byKind.values().forEach(counts -> {
            for (int m = 0; m < 12; m++) {
                thisYear[m] += counts[m];
            }
        });
        long[] lastYear = new long[12];
        ledger.monthlyCountsByKind(path, year - 1).values().forEach(counts -> {
            for (int m = 0; m < 12; m++) {
                lastYear[m] += counts[m];
            }
        });
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(msg("assessment.period.month", String.valueOf(m)));
        }
        List<Long> thisYearSeries = soFar(thisYear, year, evaluation.today());
        List<Series> kindSeries = new ArrayList<>();
        byKind.forEach((kind, counts) -> kindSeries.add(new Series(msg("ledger.kind." + kind), boxed(counts))));
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        // 上稿篇数 by level and medium: the same measure as the report's and the indicators' (articles published)
        List<String> levelCodes = LedgerKind.MEDIA_PLACEMENT.enumFields().get(LedgerTerms.LEVEL);
        List<String> mediumCodes = LedgerKind.MEDIA_PLACEMENT.enumFields().get(LedgerTerms.MEDIUM);
        Map<String, long[]> byMedium = new LinkedHashMap<>();
        mediumCodes.forEach(m -> byMedium.put(m, new long[levelCodes.size()]));
        for (LedgerTally tally : ledger.tally(Selection.of(path, LedgerKind.MEDIA_PLACEMENT, from, to)
                        .where(LedgerTerms.STATE, LedgerTerms.PUBLISHED),
                List.of(LedgerTerms.LEVEL, LedgerTerms.MEDIUM), List.of(LedgerTerms.ARTICLE_COUNT))) {
            long[] counts = byMedium.get(String.valueOf(tally.group().get(LedgerTerms.MEDIUM)));
            int level = levelCodes.indexOf(String.valueOf(tally.group().get(LedgerTerms.LEVEL)));
            if (counts != null && level >= 0) {
                counts[level] = tally.sum(LedgerTerms.ARTICLE_COUNT).longValue();
            }
        }
        List<Series> mediaSeries = new ArrayList<>();
        byMedium.forEach((code, counts) -> mediaSeries.add(new Series(msg("ledger.field.MEDIA_PLACEMENT.medium." + code), boxed(counts))));
        // present / listed over the central group's sessions of each month: the same measure as indicator LL-03
        Double[] attendance = new Double[12];
        ledger.attendanceBy(Selection.of(path, LedgerKind.STUDY_SESSION, from, to)
                        .where(LedgerTerms.SUB_KIND, LedgerTerms.CENTRAL_GROUP), LedgerStatistics.MONTH)
                .forEach((month, figure) -> attendance[(Integer) month - 1] = figure.rate());
        return new TownshipCharts(msg("assessment.chart.records"), months, kindSeries, msg("assessment.chart.media"),
                levelCodes.stream().map(l -> msg("ledger.field.MEDIA_PLACEMENT.level." + l)).toList(), mediaSeries,
                msg("assessment.chart.attendance"), java.util.Arrays.asList(attendance),
                msg("assessment.chart.years"), msg("assessment.chart.year", String.valueOf(year)), thisYearSeries,
                msg("assessment.chart.year", String.valueOf(year - 1)), boxed(lastYear));
    }

    /**
     * A year's records per month as the chart shows them on {@code today} (a date in the business
     * zone): months still to come have no figure yet (null), rather than a drop to zero.
     */
    static List<Long> soFar(long[] counts, int year, LocalDate today) {
        List<Long> series = new ArrayList<>(boxed(counts));
        for (int m = 0; m < 12; m++) {
            if (LocalDate.of(year, m + 1, 1).isAfter(today)) {
                series.set(m, null);
            }
        }
        return series;
    }

    private static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    /** Townships by their total as a share of the maximum: below 60 %, 60–69 %, 70–79 %, 80–89 %, 90 % and above. */
    @GetMapping("/county")
    @PreAuthorize("hasAuthority('assessment:view')")
    CountyChart county(DataScope scope, @RequestParam int year) {
        CountyDashboard.Dashboard dashboard = county.dashboard(scope, year);
        long[] counts = new long[5];
        for (CountyDashboard.Row row : dashboard.rows()) {
            if (row.maxTotal().signum() > 0) {
                int percent = row.total().multiply(BigDecimal.valueOf(100)).divide(row.maxTotal(), 0, RoundingMode.DOWN)
                        .intValue();
                counts[Math.max(0, Math.min(4, percent / 10 - 5))]++;
            }
        }
        List<String> bands = List.of(msg("assessment.chart.band.0"), msg("assessment.chart.band.1"),
                msg("assessment.chart.band.2"), msg("assessment.chart.band.3"), msg("assessment.chart.band.4"));
        return new CountyChart(msg("assessment.chart.distribution"), bands, java.util.Arrays.stream(counts).boxed().toList());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
