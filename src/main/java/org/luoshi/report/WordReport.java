package org.luoshi.report;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A report ready to be written to Word: what the built-in GB/T 9704 writer and custom templates
 * both receive.
 *
 * @param addressee 主送机关, or null
 * @param date the 成文日期, already in GB/T 9704 form
 * @param appendix the figures and the records behind them (附件), empty to leave the appendix out
 */
record WordReport(String title, String addressee, List<ReportContent.Block> blocks, String unitName, String date,
        int year, List<AppendixEntry> appendix) {

    /** One figure of the evidence appendix. */
    record AppendixEntry(String label, String value, List<EvidenceLink> records) {
    }

    /** The same report in another script (繁體): every text converted, links left as they are. */
    WordReport convert(UnaryOperator<String> script) {
        List<ReportContent.Block> converted = blocks.stream().map(b -> new ReportContent.Block(b.key(), b.type(),
                b.heading() == null ? null : script.apply(b.heading()),
                b.lines().stream().map(line -> line.stream().map(p -> new ReportContent.Part(script.apply(p.text()),
                        p.figure(), p.missing(), p.links())).toList()).toList(),
                b.text() == null ? null : script.apply(b.text()))).toList();
        List<AppendixEntry> entries = appendix.stream().map(a -> new AppendixEntry(script.apply(a.label()),
                script.apply(a.value()), a.records().stream()
                        .map(r -> new EvidenceLink(script.apply(r.label()), r.href())).toList())).toList();
        return new WordReport(script.apply(title), addressee == null ? null : script.apply(addressee), converted,
                script.apply(unitName), script.apply(date), year, entries);
    }

    static String chineseNumber(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        if (n <= 10) {
            return digits[n];
        }
        if (n < 20) {
            return "十" + digits[n - 10];
        }
        return digits[n / 10] + "十" + digits[n % 10];
    }
}
