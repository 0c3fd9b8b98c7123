package org.luoshi.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the evaluation and county charts, each from aggregate queries: records per month by
 * kind, media placements by level and medium, study attendance per month, this year against last
 * year, and how the townships' totals are distributed.
 * Same scope rules as the pages (another township: 404; an unpublished ranking: 403).
 */
@RestController
@RequestMapping("/assessment/charts")
@Transactional(readOnly = true)
class ChartController {

    private final JdbcClient jdbc;
    private final OrgUnitService units;
    private final RecordKinds kinds;
    private final CountyDashboard county;
    private final MessageSource messages;
    private final EvaluationService evaluation;

    ChartController(JdbcClient jdbc, OrgUnitService units, RecordKinds kinds, CountyDashboard county,
            MessageSource messages, EvaluationService evaluation) {
        this.evaluation = evaluation;
        this.jdbc = jdbc;
        this.units = units;
        this.kinds = kinds;
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
        OrgUnit township = units.get(scope, townshipId);
        String path = township.getPath() + "%";
        Map<String, long[]> byKind = new LinkedHashMap<>();
        kinds.all().forEach(k -> byKind.put(k.code(), new long[12]));
        monthlyCounts(path, year, (kind, month, n) -> {
            long[] counts = byKind.get(kind);
            if (counts != null) {
                counts[month - 1] = n;
            }
        });
        long[] thisYear = new long[12];
        byKind.values().forEach(counts -> {
            for (int m = 0; m < 12; m++) {
                thisYear[m] += counts[m];
            }
        });
        long[] lastYear = new long[12];
        monthlyCounts(path, year - 1, (kind, month, n) -> {
            if (byKind.containsKey(kind)) {
                lastYear[month - 1] += n;
            }
        });
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(msg("assessment.period.month", String.valueOf(m)));
        }
        List<Long> thisYearSeries = soFar(thisYear, year, evaluation.today());
        List<Series> kindSeries = new ArrayList<>();
        byKind.forEach((code, counts) -> kindSeries.add(new Series(msg("ledger.kind." + code), boxed(counts))));
        List<String> levelCodes = RecordKind.MEDIA_PLACEMENT.enumFields().get("level");
        List<String> mediumCodes = RecordKind.MEDIA_PLACEMENT.enumFields().get("medium");
        Map<String, long[]> byMedium = new LinkedHashMap<>();
        mediumCodes.forEach(m -> byMedium.put(m, new long[levelCodes.size()]));
        if (kinds.find("MEDIA_PLACEMENT").isPresent()) {
            jdbc.sql("select d.level, d.medium, coalesce(sum(d.article_count), 0) as n from ledger_record r "
                            + "join ledger_media_placement d on d.record_id = r.id "
                            + "where r.deleted_at is null and r.occurred_on >= :from and r.occurred_on <= :to "
                            + "and r.org_unit_id in (select u.id from org_unit u where u.path like :path) "
                            + "group by d.level, d.medium")
                    .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                    .param("path", path)
                    .query((rs, n) -> {
                        long[] counts = byMedium.get(rs.getString("medium"));
                        int level = levelCodes.indexOf(rs.getString("level"));
                        if (counts != null && level >= 0) {
                            counts[level] = rs.getLong("n");
                        }
                        return null;
                    }).list();
        }
        List<Series> mediaSeries = new ArrayList<>();
        byMedium.forEach((code, counts) -> mediaSeries.add(new Series(msg("assessment.value.medium." + code), boxed(counts))));
        return new TownshipCharts(msg("assessment.chart.records"), months, kindSeries, msg("assessment.chart.media"),
                levelCodes.stream().map(l -> msg("assessment.value.level." + l)).toList(), mediaSeries,
                msg("assessment.chart.attendance"), attendance(path, year),
                msg("assessment.chart.years"), msg("assessment.chart.year", String.valueOf(year)), thisYearSeries,
                msg("assessment.chart.year", String.valueOf(year - 1)), boxed(lastYear));
    }

    private interface MonthlyCount {
        void accept(String kind, int month, long count);
    }

    /** Records of the subtree per kind and month of the year (deleted ones left out). */
    private void monthlyCounts(String path, int year, MonthlyCount sink) {
        jdbc.sql("select r.kind, extract(month from r.occurred_on) as m, count(*) as n from ledger_record r "
                        + "where r.deleted_at is null and r.occurred_on >= :from and r.occurred_on <= :to "
                        + "and r.org_unit_id in (select u.id from org_unit u where u.path like :path) "
                        + "group by r.kind, extract(month from r.occurred_on)")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31)).param("path", path)
                .query((rs, n) -> {
                    sink.accept(rs.getString("kind"), rs.getInt("m"), rs.getLong("n"));
                    return null;
                }).list();
    }

    /** Present / listed over the central group's sessions of each month: the same measure as indicator LL-03. */
    private List<Double> attendance(String path, int year) {
        Double[] rates = new Double[12];
        jdbc.sql("select extract(month from r.occurred_on) as m, count(*) as listed, "
                        + "sum(case when a.status = 'PRESENT' then 1 else 0 end) as present from ledger_record r "
                        + "join study_attendance a on a.record_id = r.id "
                        + "join ledger_study_session d on d.record_id = r.id and d.sub_kind = 'CENTRAL_GROUP' "
                        + "where r.deleted_at is null and r.kind = 'STUDY_SESSION' "
                        + "and r.occurred_on >= :from and r.occurred_on <= :to "
                        + "and r.org_unit_id in (select u.id from org_unit u where u.path like :path) "
                        + "group by extract(month from r.occurred_on)")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31)).param("path", path)
                .query((rs, n) -> {
                    long listed = rs.getLong("listed");
                    if (listed > 0) {
                        rates[rs.getInt("m") - 1] = Math.round(1000.0 * rs.getLong("present") / listed) / 10.0;
                    }
                    return null;
                }).list();
        return java.util.Arrays.asList(rates);
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
    @PreAuthorize("hasAnyRole('ADMIN','COUNTY_REVIEWER','TOWNSHIP_OFFICER','TOWNSHIP_LEADER')")
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
