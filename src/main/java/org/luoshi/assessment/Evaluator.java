package org.luoshi.assessment;

import org.luoshi.ledger.Coverage;
import org.luoshi.ledger.LedgerKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * Scores a list of indicators for one unit from the ledger's figures. Pure: everything it knows
 * comes from its arguments and {@link LedgerFigures}, so that every rule can be tested with a fake.
 *
 * <p>Only periods that have started on the evaluation date are evaluated. A met period is MET; an
 * unmet one is FAILED once it has ended, WARNING once two thirds of it have passed, else PENDING.
 * Scores count what has been earned so far: the periods that have started are the denominator.
 */
final class Evaluator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LedgerFigures figures;
    private final MessageSource messages;
    private final Locale locale;

    Evaluator(LedgerFigures figures, MessageSource messages, Locale locale) {
        this.figures = figures;
        this.messages = messages;
        this.locale = locale;
    }

    Evaluation evaluate(String setName, int year, String unitPath, List<IndicatorDefinition> indicators,
            Map<String, ManualScoreValue> manualScores, LocalDate asOf) {
        List<IndicatorResult> results = new ArrayList<>();
        for (IndicatorDefinition indicator : indicators) {
            results.add(indicator.manual()
                    ? manual(indicator, manualScores.get(indicator.code()), year, asOf)
                    : computed(indicator, year, unitPath, asOf));
        }
        Map<String, CategoryTotal> categories = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        List<Obligation> warnings = new ArrayList<>();
        List<Obligation> due = new ArrayList<>();
        for (IndicatorResult result : results) {
            IndicatorDefinition def = result.indicator();
            if (def.informational()) {
                // recorded and shown, but neither points, nor a warning, nor a duty (2024 rules)
                continue;
            }
            categories.merge(def.category(), new CategoryTotal(def.category(), def.weight(), result.score()),
                    (a, b) -> new CategoryTotal(a.category(), a.weight().add(b.weight()), a.score().add(b.score())));
            total = total.add(result.score());
            max = max.add(def.weight());
            for (PeriodResult period : result.periods()) {
                Obligation obligation = new Obligation(def.code(), def.name(), period.label(), period.period().end(),
                        period.status(), period.missing());
                if (period.status() == Status.WARNING || period.status() == Status.FAILED) {
                    warnings.add(obligation);
                }
                if (period.status() == Status.PENDING || period.status() == Status.WARNING) {
                    due.add(obligation);
                }
            }
            if (def.manual() && result.status() == Status.FAILED) {
                warnings.add(new Obligation(def.code(), def.name(), label(new Period(PeriodMode.YEAR, year, 1,
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))), LocalDate.of(year, 12, 31),
                        Status.FAILED, result.missing()));
            }
        }
        warnings.sort(Comparator.comparing(Obligation::status).reversed().thenComparing(Obligation::due));
        due.sort(Comparator.comparing(Obligation::due).thenComparing(Obligation::indicatorCode));
        return new Evaluation(setName, year, unitPath, asOf, List.copyOf(results), List.copyOf(categories.values()),
                total, max, List.copyOf(warnings), List.copyOf(due));
    }

    private IndicatorResult manual(IndicatorDefinition def, ManualScoreValue score, int year, LocalDate asOf) {
        if (score != null) {
            // full marks meet the indicator; fewer is a shortfall the reports list under 存在问题, with the reason
            BigDecimal given = score.score().min(def.weight());
            return given.compareTo(def.weight()) >= 0
                    ? new IndicatorResult(def, List.of(), Status.MET, scale(given), null, score,
                            msg("assessment.formula.manual", plain(scale(given)), score.reason()))
                    : new IndicatorResult(def, List.of(), Status.FAILED, scale(given),
                            msg("assessment.missing.manualShort", def.name(), Decimals.plain(given),
                                    Decimals.plain(def.weight()), score.reason()), score,
                            msg("assessment.formula.manual", plain(scale(given)), score.reason()));
        }
        // Unscored, also after the year: scoring by hand is the county's step, not a duty the township
        // missed, so it stays pending and never turns into a red warning or a finding against the township.
        return new IndicatorResult(def, List.of(), Status.PENDING, scale(BigDecimal.ZERO),
                msg("assessment.missing.manual", def.name()), null, msg("assessment.formula.manualMissing"));
    }

    /** The periods of the indicator that have started on the evaluation date: the ones evaluated. */
    static List<Period> startedPeriods(IndicatorDefinition def, int year, LocalDate asOf) {
        return Period.of(def.periodMode(), year).stream().filter(p -> p.hasStarted(asOf)).toList();
    }

    /** The ledger query behind one period of a computed indicator for one unit. */
    static RecordQuery query(IndicatorDefinition def, Period period, String unitPath) {
        Rule rule = def.rule();
        LedgerKind kind = rule.aggregation() == Aggregation.RATE ? rule.rate().kind() : rule.kind();
        return new RecordQuery(unitPath, kind, rule.filters(), period.start(), period.end());
    }

    private IndicatorResult computed(IndicatorDefinition def, int year, String unitPath, LocalDate asOf) {
        List<PeriodResult> periods = new ArrayList<>();
        for (Period period : startedPeriods(def, year, asOf)) {
            periods.add(evaluatePeriod(def, period, unitPath, asOf));
        }
        if (def.informational()) {
            // the figures only: no target to miss, no points
            List<PeriodResult> plain = periods.stream().map(p -> new PeriodResult(p.period(), p.label(), p.actual(),
                    p.target(), Status.MET, null, p.query())).toList();
            return new IndicatorResult(def, plain, Status.MET, scale(BigDecimal.ZERO), null, null,
                    msg("assessment.formula.informational"));
        }
        Status status = periods.isEmpty() ? Status.PENDING : Status.MET;
        for (PeriodResult period : periods) {
            status = status.worse(period.status());
        }
        List<String> missing = periods.stream().map(PeriodResult::missing).filter(m -> m != null).toList();
        BigDecimal score = scale(score(def, periods));
        return new IndicatorResult(def, List.copyOf(periods), status, score,
                missing.isEmpty() ? null : String.join(msg("assessment.missing.separator"), missing), null,
                formula(def, periods, score));
    }

    /** The score's arithmetic in words, so that a township and the county can check every point. */
    private String formula(IndicatorDefinition def, List<PeriodResult> periods, BigDecimal score) {
        String weight = plain(def.weight());
        String result = plain(score);
        if (periods.isEmpty()) {
            return msg("assessment.formula.notStarted", weight);
        }
        long met = periods.stream().filter(p -> p.status() == Status.MET).count();
        return switch (def.scoring()) {
            case ALL_OR_NOTHING -> msg("assessment.formula.allOrNothing", weight, met, periods.size(), result);
            case PROPORTIONAL -> def.periodMode() == PeriodMode.YEAR
                    ? msg("assessment.formula.proportionalYear", weight,
                            periods.get(0).actual() == null ? "—" : plain(periods.get(0).actual()),
                            plain(periods.get(0).target()), result)
                    : msg("assessment.formula.proportional", weight, met, periods.size(), result);
            case STEPPED -> msg("assessment.formula.stepped", String.join(msg("assessment.missing.separator"),
                    def.steps().stream().map(st -> msg("assessment.formula.step", plain(st.threshold()), plain(st.points())))
                            .toList()),
                    def.periodMode() == PeriodMode.YEAR
                            ? (periods.get(0).actual() == null ? "0" : plain(periods.get(0).actual()))
                            : String.valueOf(met),
                    result);
        };
    }

    private PeriodResult evaluatePeriod(IndicatorDefinition def, Period period, String unitPath, LocalDate asOf) {
        Rule rule = def.rule();
        RecordQuery query = query(def, period, unitPath);
        BigDecimal target = def.target() == null ? BigDecimal.ZERO : def.target();
        BigDecimal actual;
        boolean met;
        switch (rule.aggregation()) {
            case COUNT -> {
                actual = BigDecimal.valueOf(figures.count(query));
                met = actual.compareTo(target) >= 0;
            }
            case SUM -> {
                actual = Decimals.normal(figures.sum(query, rule.sumField()));
                met = actual.compareTo(target) >= 0;
            }
            case DISTINCT_UNITS -> {
                Coverage coverage = figures.distinctUnits(query);
                actual = BigDecimal.valueOf(coverage.covered());
                if (rule.comparison() == Comparison.ALL_UNITS) {
                    target = BigDecimal.valueOf(coverage.total());
                    met = coverage.total() > 0 && coverage.covered() >= coverage.total();
                } else {
                    met = actual.compareTo(target) >= 0;
                }
            }
            case RATE -> {
                BigDecimal value = figures.rate(rule.rate(), query).value();
                actual = value == null ? null
                        : Decimals.normal(rule.rate().percent() ? value.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP) : value);
                met = actual == null ? rule.rate().metWhenEmpty() : actual.compareTo(target) >= 0;
            }
            default -> throw new IllegalStateException(rule.aggregation().name());
        }
        Status status = met ? Status.MET
                : period.hasEnded(asOf) ? Status.FAILED
                : period.twoThirdsPassed(asOf) ? Status.WARNING
                : Status.PENDING;
        String label = label(period);
        return new PeriodResult(period, label, actual, target, status,
                met ? null : missing(def, label, actual, target), query);
    }

    private BigDecimal score(IndicatorDefinition def, List<PeriodResult> periods) {
        if (periods.isEmpty()) {
            return BigDecimal.ZERO;
        }
        long met = periods.stream().filter(p -> p.status() == Status.MET).count();
        return switch (def.scoring()) {
            case ALL_OR_NOTHING -> met == periods.size() ? def.weight() : BigDecimal.ZERO;
            case PROPORTIONAL -> def.weight().multiply(def.periodMode() == PeriodMode.YEAR
                    ? share(periods.get(0))
                    : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(periods.size()), 6, RoundingMode.HALF_UP));
            case STEPPED -> stepped(def, def.periodMode() == PeriodMode.YEAR
                    ? (periods.get(0).actual() == null ? BigDecimal.ZERO : periods.get(0).actual())
                    : BigDecimal.valueOf(met));
        };
    }

    /** min(1, actual / target) for one period; a met period is 1 whatever the figures. */
    private static BigDecimal share(PeriodResult period) {
        if (period.status() == Status.MET) {
            return BigDecimal.ONE;
        }
        if (period.actual() == null || period.target().signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return period.actual().divide(period.target(), 6, RoundingMode.HALF_UP).min(BigDecimal.ONE);
    }

    private static BigDecimal stepped(IndicatorDefinition def, BigDecimal value) {
        BigDecimal points = BigDecimal.ZERO;
        for (Step step : def.steps()) {
            if (value.compareTo(step.threshold()) >= 0 && step.points().compareTo(points) > 0) {
                points = step.points();
            }
        }
        return points.min(def.weight());
    }

    private String missing(IndicatorDefinition def, String period, BigDecimal actual, BigDecimal target) {
        Rule rule = def.rule();
        String subKind = rule.singleSubKind();
        String subKindLabel = subKind == null || rule.kind() == null ? null
                : msg("ledger.field." + rule.kind().name() + ".subKind." + subKind);
        return switch (rule.aggregation()) {
            case COUNT -> {
                String subject = subKindLabel != null ? subKindLabel : def.name();
                yield actual.signum() == 0
                        ? msg("assessment.missing.none", period, subject)
                        : msg("assessment.missing.count", period, subject, plain(actual), plain(target.subtract(actual)));
            }
            case SUM -> msg("assessment.missing.sum", period, def.name(), plain(actual), plain(target.subtract(actual)));
            case DISTINCT_UNITS -> {
                String subject = subKindLabel != null ? subKindLabel : def.name();
                if (rule.comparison() == Comparison.ALL_UNITS) {
                    yield target.signum() == 0
                            ? msg("assessment.missing.noUnits", period)
                            : msg("assessment.missing.allUnits", period, subject, plain(actual), plain(target),
                                    plain(target.subtract(actual)));
                }
                yield msg("assessment.missing.units", period, subject, plain(actual), plain(target.subtract(actual)));
            }
            case RATE -> {
                String subject = subKindLabel != null && rule.rate() == RateMetric.STUDY_ATTENDANCE
                        ? msg("assessment.missing.attendanceOf", subKindLabel)
                        : msg("assessment.rate." + rule.rate().name());
                if (actual == null) {
                    yield msg("assessment.missing.rateNoData", period, subject);
                }
                String suffix = rule.rate().percent() ? "%" : "";
                yield msg("assessment.missing.rate", period, subject, plain(actual) + suffix, plain(target) + suffix);
            }
        };
    }

    private String label(Period period) {
        return msg(period.labelKey(), String.valueOf(period.index()));
    }

    private static String plain(BigDecimal value) {
        return Decimals.plain(value);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
