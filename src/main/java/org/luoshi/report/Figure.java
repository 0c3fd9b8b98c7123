package org.luoshi.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A figure of a report: either a value computed from records, with the records behind it, or
 * {@link Kind#MISSING} with a Chinese description of what is missing. There is no third way:
 * a report never shows a number that did not come from records.
 *
 * @param kind what sort of value this is
 * @param number the value of a COUNT, DECIMAL or PERCENT figure (percent as 0–100), else null
 * @param items the entries of a LIST figure, else empty
 * @param evidence the records behind the whole figure
 * @param missing for MISSING: what is missing, e.g. "本年度中心组学习记录"
 */
record Figure(Kind kind, BigDecimal number, List<FigureItem> items, List<EvidenceLink> evidence, String missing) {

    public enum Kind { COUNT, DECIMAL, PERCENT, LIST, MISSING }

    public Figure {
        items = items == null ? List.of() : List.copyOf(items);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if ((kind == Kind.MISSING) != (missing != null)) {
            throw new IllegalArgumentException("a missing figure, and only that, says what is missing");
        }
        if (kind != Kind.MISSING && kind != Kind.LIST && number == null) {
            throw new IllegalArgumentException("a " + kind + " figure needs a number");
        }
    }

    public static Figure count(long value, List<EvidenceLink> evidence) {
        return new Figure(Kind.COUNT, BigDecimal.valueOf(value), List.of(), evidence, null);
    }

    public static Figure decimal(BigDecimal value, List<EvidenceLink> evidence) {
        return new Figure(Kind.DECIMAL, value, List.of(), evidence, null);
    }

    /** A share in percent (0–100). */
    public static Figure percent(BigDecimal percent, List<EvidenceLink> evidence) {
        return new Figure(Kind.PERCENT, percent, List.of(), evidence, null);
    }

    public static Figure list(List<FigureItem> items, List<EvidenceLink> evidence) {
        return new Figure(Kind.LIST, null, items, evidence, null);
    }

    public static Figure missing(String whatIsMissing) {
        return new Figure(Kind.MISSING, null, List.of(), List.of(), whatIsMissing);
    }

    public boolean isMissing() {
        return kind == Kind.MISSING;
    }

    /** The value as the report prints it: integers plainly, decimals with at most one place, percent with "%". */
    public String display() {
        return switch (kind) {
            case COUNT -> number.toBigInteger().toString();
            case DECIMAL -> plain(number);
            case PERCENT -> plain(number) + "%";
            case LIST -> String.valueOf(items.size());
            case MISSING -> ReportText.marker(missing);
        };
    }

    /** Every record behind the figure, including those of its entries. */
    public List<EvidenceLink> allEvidence() {
        if (items.isEmpty()) {
            return evidence;
        }
        java.util.List<EvidenceLink> all = new java.util.ArrayList<>(evidence);
        items.forEach(i -> all.addAll(i.evidence()));
        return all;
    }

    static String plain(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
