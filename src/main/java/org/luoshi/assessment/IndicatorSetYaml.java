package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * An indicator set as YAML, so that a county can pass its table to another or keep it under
 * version control. Reading is strict: an unknown kind, aggregation, period or field is an error
 * naming the indicator code, and any error rejects the whole file (see docs/assessment/README.md).
 */
final class IndicatorSetYaml {

    private IndicatorSetYaml() {
    }

    static String write(SetDefinition set) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("year", set.year());
        root.put("name", set.name());
        List<Object> indicators = new ArrayList<>();
        for (IndicatorDefinition d : set.indicators()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("code", d.code());
            i.put("name", d.name());
            i.put("category", d.category());
            i.put("weight", number(d.weight()));
            if (d.target() != null) {
                i.put("target", number(d.target()));
            }
            i.put("period", d.periodMode().name());
            i.put("scoring", d.scoring().name());
            if (!d.steps().isEmpty()) {
                i.put("steps", d.steps().stream().map(Step::toString).toList());
            }
            if (d.manual()) {
                i.put("manual", true);
            }
            if (d.note() != null) {
                i.put("note", d.note());
            }
            if (d.basis() != null) {
                i.put("basis", d.basis());
            }
            if (d.informational()) {
                i.put("informational", true);
            }
            if (d.volumeReason() != null) {
                i.put("volumeReason", d.volumeReason());
            }
            if (d.rule() != null && !d.manual()) {
                i.put("rule", rule(d.rule()));
            }
            indicators.add(i);
        }
        root.put("indicators", indicators);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        return new Yaml(new Representer(options), options).dump(root);
    }

    private static Map<String, Object> rule(Rule rule) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("aggregation", rule.aggregation().name());
        if (rule.aggregation() == Aggregation.RATE) {
            r.put("rate", rule.rate().name());
        } else {
            r.put("kind", rule.kind().name());
        }
        if (rule.sumField() != null) {
            r.put("sumField", rule.sumField());
        }
        if (rule.comparison() != Comparison.AT_LEAST) {
            r.put("comparison", rule.comparison().name());
        }
        if (!rule.filters().isEmpty()) {
            List<Object> filters = new ArrayList<>();
            for (RecordFilter f : rule.filters()) {
                Map<String, Object> m = new LinkedHashMap<>();
                switch (f.type()) {
                    case SUB_KIND -> m.put("subKind", f.values());
                    case FIELD_IN -> {
                        m.put("field", f.field());
                        m.put("values", f.values());
                    }
                    case TAG -> m.put("tag", f.values());
                }
                filters.add(m);
            }
            r.put("filters", filters);
        }
        return r;
    }

    private static Object number(BigDecimal value) {
        BigDecimal v = Decimals.normal(value);
        return v.scale() == 0 ? (Object) v.longValueExact() : (Object) v.doubleValue();
    }

    /** Reads and checks a set; throws {@link InvalidDefinitionException} listing every problem found. */
    static SetDefinition read(String text) {
        Object loaded;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(1_000_000);
            loaded = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidDefinitionException(List.of(Problem.at("yaml").messageKey("assessment.error.yaml", reason)));
        }
        if (!(loaded instanceof Map<?, ?> root)) {
            throw new InvalidDefinitionException(List.of(Problem.at("yaml").messageKey("assessment.error.yamlRoot")));
        }
        Reader reader = new Reader();
        Integer year = reader.integer(root.get("year"), "-", "year");
        String name = reader.string(root.get("name"));
        List<IndicatorDefinition> indicators = new ArrayList<>();
        Object list = root.get("indicators");
        if (list != null && !(list instanceof List<?>)) {
            reader.problems.add(Problem.at("indicators").messageKey("assessment.error.yamlIndicators"));
        } else if (list != null) {
            int position = 0;
            for (Object item : (List<?>) list) {
                position++;
                if (!(item instanceof Map<?, ?> map)) {
                    reader.problems.add(Problem.at("indicators").messageKey("assessment.error.yamlIndicator", String.valueOf(position)));
                    continue;
                }
                IndicatorDefinition d = reader.indicator(map, position);
                if (d != null) {
                    indicators.add(d);
                }
            }
        }
        SetDefinition set = new SetDefinition(year == null ? 0 : year, name, indicators);
        List<Problem> problems = new ArrayList<>(reader.problems);
        for (Problem problem : DefinitionCheck.set(set)) {
            // a year that could not be read has already been reported
            if (!(year == null && problem.field().equals("year"))) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        return set;
    }

    /** Collects problems while reading, so that one import reports all of them. */
    private static final class Reader {

        final List<Problem> problems = new ArrayList<>();

        IndicatorDefinition indicator(Map<?, ?> m, int position) {
            String code = string(m.get("code"));
            String label = code == null ? "#" + position : code;
            int before = problems.size();
            BigDecimal weight = decimal(m.get("weight"), label, "weight");
            BigDecimal target = decimal(m.get("target"), label, "target");
            PeriodMode period = enumValue(PeriodMode.class, m.get("period"), label, "period");
            ScoringMode scoring = enumValue(ScoringMode.class, m.get("scoring"), label, "scoring");
            boolean manual = Boolean.TRUE.equals(m.get("manual"));
            boolean informational = Boolean.TRUE.equals(m.get("informational"));
            List<Step> steps = steps(m.get("steps"), label);
            Rule rule = null;
            Object ruleValue = m.get("rule");
            if (ruleValue instanceof Map<?, ?> r && !manual) {
                rule = rule(r, label);
            } else if (ruleValue != null && !(ruleValue instanceof Map<?, ?>)) {
                problems.add(Problem.at("rule").messageKey("assessment.error.yamlRule", label));
            }
            if (problems.size() > before) {
                return null;
            }
            return new IndicatorDefinition(code, string(m.get("name")), string(m.get("category")), weight, target,
                    period, scoring, steps, rule, manual, string(m.get("note")), string(m.get("basis")), informational,
                    string(m.get("volumeReason")));
        }

        Rule rule(Map<?, ?> r, String code) {
            Aggregation aggregation = enumValue(Aggregation.class, r.get("aggregation"), code, "aggregation");
            LedgerKind kind = enumValue(LedgerKind.class, r.get("kind"), code, "kind");
            RateMetric rate = enumValue(RateMetric.class, r.get("rate"), code, "rate");
            Comparison comparison = enumValue(Comparison.class, r.get("comparison"), code, "comparison");
            if (aggregation == Aggregation.RATE && rate != null && kind == null) {
                kind = rate.kind();
            }
            List<RecordFilter> filters = new ArrayList<>();
            Object list = r.get("filters");
            if (list instanceof List<?> items) {
                for (Object item : items) {
                    RecordFilter filter = item instanceof Map<?, ?> f ? filter(f) : null;
                    if (filter == null) {
                        problems.add(Problem.at("rule.filters").messageKey("assessment.error.filter", code));
                    } else {
                        filters.add(filter);
                    }
                }
            } else if (list != null) {
                problems.add(Problem.at("rule.filters").messageKey("assessment.error.filter", code));
            }
            return new Rule(aggregation, kind, string(r.get("sumField")), aggregation == Aggregation.RATE ? rate : null,
                    filters, comparison);
        }

        private RecordFilter filter(Map<?, ?> f) {
            if (f.size() == 1 && f.containsKey("subKind")) {
                return new RecordFilter(RecordFilter.Type.SUB_KIND, null, strings(f.get("subKind")));
            }
            if (f.size() == 1 && f.containsKey("tag")) {
                return new RecordFilter(RecordFilter.Type.TAG, null, strings(f.get("tag")));
            }
            if (f.size() == 2 && f.containsKey("field") && f.containsKey("values")) {
                return new RecordFilter(RecordFilter.Type.FIELD_IN, string(f.get("field")), strings(f.get("values")));
            }
            return null;
        }

        private List<Step> steps(Object value, String code) {
            if (value == null) {
                return List.of();
            }
            List<String> items = value instanceof String s ? Arrays.asList(s.split(",")) : strings(value);
            try {
                return Indicator.parseSteps(String.join(",", items));
            } catch (NumberFormatException e) {
                problems.add(Problem.at("steps").messageKey("assessment.error.steps", code));
                return List.of();
            }
        }

        private static List<String> strings(Object value) {
            if (value instanceof List<?> list) {
                return list.stream().map(v -> v == null ? "" : v.toString().trim()).toList();
            }
            return value == null ? List.of() : List.of(value.toString().trim());
        }

        String string(Object value) {
            return value == null ? null : value.toString().trim();
        }

        Integer integer(Object value, String code, String field) {
            if (value instanceof Integer i) {
                return i;
            }
            problems.add(Problem.at(field).messageKey("assessment.error.notANumber", code, field, String.valueOf(value)));
            return null;
        }

        BigDecimal decimal(Object value, String code, String field) {
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                problems.add(Problem.at(field).messageKey("assessment.error.notANumber", code, field, value.toString()));
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(Class<E> type, Object value, String code, String field) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toString().trim());
            } catch (IllegalArgumentException e) {
                problems.add(Problem.at(field).messageKey("assessment.error.unknownValue", code, field, value.toString(),
                        String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
                return null;
            }
        }
    }
}
