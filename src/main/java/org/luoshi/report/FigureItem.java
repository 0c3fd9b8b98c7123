package org.luoshi.report;

import java.util.List;

/**
 * One entry of a list figure (a leading-group member, an unmet indicator, an open finding, a media level).
 *
 * @param label the main text, e.g. a person's name or an indicator's title
 * @param detail further text, e.g. "组长 · 党委书记" or "目标 4 次，实际 2 次"; may be empty
 * @param count a number belonging to the entry (articles at this level), or null
 * @param evidence the records behind this entry
 */
record FigureItem(String label, String detail, Long count, List<EvidenceLink> evidence) {

    public FigureItem {
        detail = detail == null ? "" : detail;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static FigureItem of(String label, String detail, EvidenceLink... evidence) {
        return new FigureItem(label, detail, null, List.of(evidence));
    }

    public static FigureItem counted(String label, long count, List<EvidenceLink> evidence) {
        return new FigureItem(label, "", count, evidence);
    }
}
