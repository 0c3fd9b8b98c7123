package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules an indicator definition must follow to be evaluable: a rule that names a kind the
 * aggregation can use, fields and sub-kinds of that kind, a target, steps for stepped scoring.
 * Every message names the indicator code, so that an import of forty indicators says which is wrong.
 */
final class DefinitionCheck {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

    private DefinitionCheck() {
    }

    static List<Problem> set(SetDefinition set) {
        List<Problem> problems = new ArrayList<>();
        if (set.year() < 2000 || set.year() > 2100) {
            problems.add(Problem.at("year").messageKey("assessment.error.year", String.valueOf(set.year())));
        }
        if (set.name() == null || set.name().isBlank() || set.name().length() > 100) {
            problems.add(Problem.at("name").messageKey("assessment.error.setName"));
        }
        Set<String> codes = new HashSet<>();
        for (IndicatorDefinition indicator : set.indicators()) {
            problems.addAll(indicator(indicator));
            if (indicator.code() != null && !codes.add(indicator.code())) {
                problems.add(Problem.at("code").messageKey("assessment.error.duplicateCode", indicator.code()));
            }
        }
        return problems;
    }

    static List<Problem> indicator(IndicatorDefinition d) {
        List<Problem> problems = new ArrayList<>();
        String code = d.code() == null ? "?" : d.code();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            problems.add(Problem.at("code").messageKey("assessment.error.code", code));
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
            problems.add(Problem.at("name").messageKey("assessment.error.name", code));
        }
        if (d.category() == null || d.category().isBlank() || d.category().length() > 50) {
            problems.add(Problem.at("category").messageKey("assessment.error.category", code));
        }
        if (d.weight() == null || d.weight().signum() < 0 || d.weight().compareTo(new BigDecimal("99999")) > 0) {
            problems.add(Problem.at("weight").messageKey("assessment.error.weight", code));
        }
        if (d.note() != null && d.note().length() > 1000) {
            problems.add(Problem.at("note").messageKey("assessment.error.note", code));
        }
        if (d.basis() != null && d.basis().length() > 500) {
            problems.add(Problem.at("basis").messageKey("assessment.error.basis", code));
        }
        if (d.volumeReason() != null && d.volumeReason().length() > 500) {
            problems.add(Problem.at("volumeReason").messageKey("assessment.error.volumeReasonLength", code));
        }
        if (d.periodMode() == null) {
            problems.add(Problem.at("periodMode").messageKey("assessment.error.periodMissing", code));
        }
        if (d.scoring() == null) {
            problems.add(Problem.at("scoring").messageKey("assessment.error.scoringMissing", code));
        }
        if (d.scoring() == ScoringMode.STEPPED) {
            steps(d, code, problems);
        }
        if (!d.manual()) {
            rule(d, code, problems);
        }
        // scoring volume is the county's decision to make, but not silently: it must say why (asked once
        // the rule is otherwise right, so the warning is about what the indicator really counts)
        if (problems.isEmpty() && d.volumeReason() == null && !d.informational() && d.weight() != null && d.weight().signum() > 0) {
            Volume.of(d).ifPresent(what -> problems.add(Problem.at("volumeReason").messageKey("assessment.error.volume",
                    code, new org.springframework.context.support.DefaultMessageSourceResolvable("assessment.volume." + what.name()))));
        }
        return problems;
    }

    private static void steps(IndicatorDefinition d, String code, List<Problem> problems) {
        if (d.steps().isEmpty()) {
            problems.add(Problem.at("steps").messageKey("assessment.error.stepsMissing", code));
            return;
        }
        BigDecimal previous = null;
        for (Step step : d.steps()) {
            if (step.points().signum() < 0 || step.threshold().signum() < 0
                    || (previous != null && step.threshold().compareTo(previous) <= 0)) {
                problems.add(Problem.at("steps").messageKey("assessment.error.steps", code));
                return;
            }
            previous = step.threshold();
        }
    }

    private static void rule(IndicatorDefinition d, String code, List<Problem> problems) {
        Rule rule = d.rule();
        if (rule == null || rule.aggregation() == null) {
            problems.add(Problem.at("rule.aggregation").messageKey("assessment.error.ruleMissing", code));
            return;
        }
        LedgerKind kind = rule.kind();
        if (rule.aggregation() == Aggregation.RATE) {
            if (rule.rate() == null) {
                problems.add(Problem.at("rule.rate").messageKey("assessment.error.rateMissing", code));
                return;
            }
            if (kind != rule.rate().kind()) {
                problems.add(Problem.at("rule.kind").messageKey("assessment.error.rateKind", code,
                        rule.rate().name(), rule.rate().kind() == null ? "-" : rule.rate().kind().name()));
                return;
            }
        } else if (kind == null) {
            problems.add(Problem.at("rule.kind").messageKey("assessment.error.kindMissing", code));
            return;
        }
        if (rule.aggregation() == Aggregation.SUM
                && (rule.sumField() == null || !kind.numericFields().contains(rule.sumField()))) {
            problems.add(Problem.at("rule.sumField").messageKey("assessment.error.sumField", code,
                    String.valueOf(rule.sumField()), kind.name(), String.join(", ", kind.numericFields())));
        }
        if (rule.comparison() == Comparison.ALL_UNITS && rule.aggregation() != Aggregation.DISTINCT_UNITS) {
            problems.add(Problem.at("rule.comparison").messageKey("assessment.error.allUnits", code));
        }
        // an informational figure is shown as it is, against no target
        boolean needsTarget = rule.comparison() != Comparison.ALL_UNITS && !d.informational();
        if ((needsTarget && d.target() == null) || (d.target() != null && d.target().signum() < 0)) {
            problems.add(Problem.at("target").messageKey("assessment.error.target", code));
        }
        if (kind == null && !rule.filters().isEmpty()) {
            problems.add(Problem.at("rule.filters").messageKey("assessment.error.filtersNotAllowed", code));
            return;
        }
        for (RecordFilter filter : rule.filters()) {
            filter(filter, kind, code, problems);
        }
    }

    private static void filter(RecordFilter filter, LedgerKind kind, String code, List<Problem> problems) {
        if (filter.type() == null || filter.values().isEmpty() || filter.values().stream().anyMatch(v -> v == null || v.isBlank() || v.contains(","))) {
            problems.add(Problem.at("rule.filters").messageKey("assessment.error.filter", code));
            return;
        }
        switch (filter.type()) {
            case SUB_KIND -> {
                for (String value : filter.values()) {
                    if (!kind.subKinds().contains(value)) {
                        problems.add(Problem.at("rule.filters").messageKey("assessment.error.subKind", code, value,
                                kind.name(), kind.subKinds().isEmpty() ? "-" : String.join(", ", kind.subKinds())));
                    }
                }
            }
            case FIELD_IN -> {
                List<String> allowed = filter.field() == null ? null : kind.enumFields().get(filter.field());
                if (allowed == null) {
                    problems.add(Problem.at("rule.filters").messageKey("assessment.error.field", code,
                            String.valueOf(filter.field()), kind.name()));
                    return;
                }
                for (String value : filter.values()) {
                    if (!allowed.contains(value)) {
                        problems.add(Problem.at("rule.filters").messageKey("assessment.error.fieldValue", code, value,
                                filter.field(), String.join(", ", allowed)));
                    }
                }
            }
            case TAG -> {
                if (filter.values().stream().anyMatch(v -> v.length() > 50)) {
                    problems.add(Problem.at("rule.filters").messageKey("assessment.error.filter", code));
                }
            }
        }
    }
}
