package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 考评指标: one row of an indicator set; its rule is stored in columns, its filters in {@code indicator_filter}. */
@Entity
@Table(name = "indicator")
class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "set_id")
    private IndicatorSet set;

    private String code;
    private String name;
    private String category;
    private BigDecimal weight;
    private BigDecimal target;

    @Enumerated(EnumType.STRING)
    private PeriodMode periodMode;

    @Enumerated(EnumType.STRING)
    private ScoringMode scoring;

    private String steps;
    private boolean manual;
    private String note;
    private String basis;
    private boolean informational;
    private String volumeReason;

    @Enumerated(EnumType.STRING)
    private Aggregation aggregation;

    @Enumerated(EnumType.STRING)
    private LedgerKind recordKind;

    private String sumField;

    @Enumerated(EnumType.STRING)
    private RateMetric rateMetric;

    @Enumerated(EnumType.STRING)
    private Comparison comparison = Comparison.AT_LEAST;

    private int sortOrder;

    @ElementCollection(fetch = FetchType.EAGER)
    @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SUBSELECT)
    @CollectionTable(name = "indicator_filter", joinColumns = @JoinColumn(name = "indicator_id"))
    @OrderColumn(name = "position")
    private List<StoredFilter> filters = new ArrayList<>();

    protected Indicator() {
    }

    Indicator(IndicatorSet set, IndicatorDefinition definition, int sortOrder) {
        this.set = set;
        this.sortOrder = sortOrder;
        redefine(definition);
    }

    void redefine(IndicatorDefinition d) {
        this.code = d.code();
        this.name = d.name();
        this.category = d.category();
        this.weight = d.weight();
        this.target = d.target();
        this.periodMode = d.periodMode();
        this.scoring = d.scoring();
        this.steps = d.steps().isEmpty() ? null : String.join(",", d.steps().stream().map(Step::toString).toList());
        this.manual = d.manual();
        this.note = d.note();
        this.basis = d.basis();
        this.informational = d.informational();
        this.volumeReason = d.volumeReason();
        Rule rule = d.rule();
        this.aggregation = rule == null ? null : rule.aggregation();
        this.recordKind = rule == null ? null : rule.kind();
        this.sumField = rule == null ? null : rule.sumField();
        this.rateMetric = rule == null ? null : rule.rate();
        this.comparison = rule == null ? Comparison.AT_LEAST : rule.comparison();
        this.filters.clear();
        if (rule != null) {
            rule.filters().forEach(f -> filters.add(new StoredFilter(f)));
        }
    }

    IndicatorDefinition definition() {
        Rule rule = aggregation == null ? null
                : new Rule(aggregation, recordKind, sumField, rateMetric,
                        filters.stream().map(StoredFilter::toFilter).toList(), comparison);
        return new IndicatorDefinition(code, name, category, weight, target, periodMode, scoring, parseSteps(steps),
                rule, manual, note, basis, informational, volumeReason);
    }

    static List<Step> parseSteps(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
            String[] parts = s.split(":");
            if (parts.length != 2) {
                throw new NumberFormatException(s);
            }
            return new Step(new BigDecimal(parts[0].trim()), new BigDecimal(parts[1].trim()));
        }).toList();
    }

    Long getId() {
        return id;
    }

    IndicatorSet getSet() {
        return set;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    String getCategory() {
        return category;
    }

    BigDecimal getWeight() {
        return weight;
    }

    int getSortOrder() {
        return sortOrder;
    }

    boolean isInformational() {
        return informational;
    }

    boolean isManual() {
        return manual;
    }
}
