package org.luoshi.report;

/**
 * The traditional-character forms a report can be downloaded in. OpenCC's own standard forms (爲, 衆, 羣, 裏,
 * 考覈, 佔) are what no reader writes; Taiwan's forms are what Word's conversion gives and readers expect,
 * so they are the default (property {@code luoshi.report.traditional-variant}).
 */
enum TraditionalVariant {
    /** Taiwan-standard forms (為, 眾, 群, 裡, 考核, 占, 著, 帳, 公布). */
    TW("（繁體）"),
    /** Hong Kong forms (為, 眾, 裏, 着, 台, 説): OpenCC's Hong Kong variants. */
    HK("（繁體·香港）"),
    /** OpenCC's own standard forms, for readers who want the conversion unchanged. */
    OPENCC("（繁體·OpenCC）");

    private final String fileSuffix;

    TraditionalVariant(String fileSuffix) {
        this.fileSuffix = fileSuffix;
    }

    /** What the file name carries after the title, so that two variants downloaded side by side differ. */
    String fileSuffix() {
        return fileSuffix;
    }
}
