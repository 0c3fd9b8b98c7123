package org.luoshi.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.web.ApiController;
import org.luoshi.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Evaluations, warnings and the county ranking over REST. Same scope rules as the pages. */
@ApiController("/api/v1/assessment")
@Tag(name = "考评结果 Evaluations", description = "Township scores per indicator, warnings, county ranking")
class EvaluationApiController {

    private final EvaluationService evaluation;
    private final CountyDashboard county;

    EvaluationApiController(EvaluationService evaluation, CountyDashboard county) {
        this.evaluation = evaluation;
        this.county = county;
    }

    record PeriodBody(String label, LocalDate start, LocalDate end, BigDecimal actual, BigDecimal target, Status status,
            String missing) {
    }

    /**
     * @param basis the rule or document the indicator implements (依据)
     * @param informational shown without points, outside the total and the ranking
     * @param formula how the score came about, in words with the figures
     */
    record IndicatorBody(String code, String name, String category, BigDecimal weight, BigDecimal score, Status status,
            String missing, boolean manual, List<PeriodBody> periods, String basis, boolean informational,
            String formula) {
    }

    record EvaluationBody(long setId, String setName, int year, long townshipId, LocalDate asOf, BigDecimal total,
            BigDecimal maxTotal, List<CategoryTotal> categories, List<IndicatorBody> indicators, List<Obligation> warnings,
            List<Obligation> due) {
    }

    record WarningBody(String setName, String indicatorCode, String indicatorName, String period, LocalDate due,
            Status status, String message) {
    }

    record CountyRow(int rank, long townshipId, String township, BigDecimal total, BigDecimal maxTotal,
            Map<String, BigDecimal> categories, BigDecimal lastYear, BigDecimal change, int warnings) {
    }

    record CountyBody(int year, LocalDate asOf, String setName, List<CountyRow> townships) {
    }

    @GetMapping("/evaluations")
    @Operation(summary = "A township (default: the caller's) against every published set of the year that applies to it")
    List<EvaluationBody> evaluations(DataScope scope, @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Integer year) {
        long id = townshipId(scope, townshipId);
        int y = year == null ? evaluation.likelyYear() : year;
        LocalDate asOf = evaluation.asOf(y);
        return evaluation.evaluateSets(scope, id, y, asOf).stream().map(se -> {
            Evaluation e = se.evaluation();
            return new EvaluationBody(se.set().getId(), e.setName(), e.year(), id, e.asOf(), e.total(), e.maxTotal(),
                    e.categories(), e.indicators().stream().map(EvaluationApiController::indicator).toList(), e.warnings(),
                    e.due());
        }).toList();
    }

    @GetMapping("/warnings")
    @Operation(summary = "Yellow and red warnings of a township (default: the caller's) this year, worst first")
    List<WarningBody> warnings(DataScope scope, @RequestParam(required = false) Long townshipId) {
        long id = townshipId(scope, townshipId);
        LocalDate today = evaluation.today();
        return evaluation.evaluate(scope, id, today.getYear(), today).stream()
                .flatMap(e -> e.warnings().stream().map(w -> new WarningBody(e.setName(), w.indicatorCode(),
                        w.indicatorName(), w.periodLabel(), w.due(), w.status(), w.message())))
                .toList();
    }

    @GetMapping("/county")
    @PreAuthorize("hasAuthority('assessment:view')")
    @Operation(summary = "All townships against the county's set of the year, ranked; townships see it only once published")
    CountyBody county(DataScope scope, @RequestParam(required = false) Integer year) {
        int y = year == null ? evaluation.likelyYear() : year;
        CountyDashboard.Dashboard d = county.dashboard(scope, y);
        return new CountyBody(y, d.asOf(), d.set() == null ? null : d.set().getName(), d.rows().stream()
                .map(r -> new CountyRow(r.rank(), r.township().getId(), r.township().getName(), r.total(), r.maxTotal(),
                        r.categories(), r.lastYear(), r.change(), r.warnings()))
                .toList());
    }

    private long townshipId(DataScope scope, Long townshipId) {
        if (townshipId != null) {
            return townshipId;
        }
        return evaluation.ownTownship(scope).map(OrgUnit::getId)
                .orElseThrow(() -> new NotFoundException("Township", scope.unitId()));
    }

    private static IndicatorBody indicator(IndicatorResult r) {
        IndicatorDefinition d = r.indicator();
        return new IndicatorBody(d.code(), d.name(), d.category(), d.weight(), r.score(), r.status(), r.missing(),
                d.manual(), r.periods().stream().map(p -> new PeriodBody(p.label(), p.period().start(), p.period().end(),
                        p.actual(), p.target(), p.status(), p.missing())).toList(), d.basis(), d.informational(),
                r.formula());
    }
}
