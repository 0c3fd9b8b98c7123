package org.luoshi.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * kind, media placements by level and medium, and how the townships' totals are distributed.
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

    ChartController(JdbcClient jdbc, OrgUnitService units, RecordKinds kinds, CountyDashboard county,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.units = units;
        this.kinds = kinds;
        this.county = county;
        this.messages = messages;
    }

    record Series(String label, List<Long> counts) {
    }

    record TownshipCharts(String recordsTitle, List<String> months, List<Series> kinds, String mediaTitle,
            List<String> levels, List<Series> media) {
    }

    record CountyChart(String title, List<String> bands, List<Long> counts) {
    }

    @GetMapping("/township")
    TownshipCharts township(DataScope scope, @RequestParam long townshipId, @RequestParam int year) {
        OrgUnit township = units.get(scope, townshipId);
        String path = township.getPath() + "%";
        Map<String, long[]> byKind = new LinkedHashMap<>();
        kinds.all().forEach(k -> byKind.put(k.code(), new long[12]));
        jdbc.sql("select r.kind, extract(month from r.occurred_on) as m, count(*) as n from ledger_record r "
                        + "where r.deleted_at is null and r.occurred_on >= :from and r.occurred_on <= :to "
                        + "and r.org_unit_id in (select u.id from org_unit u where u.path like :path) "
                        + "group by r.kind, extract(month from r.occurred_on)")
                .param("from", java.time.LocalDate.of(year, 1, 1)).param("to", java.time.LocalDate.of(year, 12, 31))
                .param("path", path)
                .query((rs, n) -> {
                    long[] counts = byKind.get(rs.getString("kind"));
                    if (counts != null) {
                        counts[rs.getInt("m") - 1] = rs.getLong("n");
                    }
                    return null;
                }).list();
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(msg("assessment.period.month", String.valueOf(m)));
        }
        List<Series> kindSeries = new ArrayList<>();
        byKind.forEach((code, counts) -> kindSeries.add(new Series(msg("ledger.kind." + code),
                java.util.Arrays.stream(counts).boxed().toList())));
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
                    .param("from", java.time.LocalDate.of(year, 1, 1)).param("to", java.time.LocalDate.of(year, 12, 31))
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
        byMedium.forEach((code, counts) -> mediaSeries.add(new Series(msg("assessment.value.medium." + code),
                java.util.Arrays.stream(counts).boxed().toList())));
        return new TownshipCharts(msg("assessment.chart.records"), months, kindSeries, msg("assessment.chart.media"),
                levelCodes.stream().map(l -> msg("assessment.value.level." + l)).toList(), mediaSeries);
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
