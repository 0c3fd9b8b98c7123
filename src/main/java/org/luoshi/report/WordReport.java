package org.luoshi.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A report ready to be written to Word: what the built-in GB/T 9704 writer and custom templates
 * both receive. Everything in it comes from one stored version.
 *
 * @param addressee 主送机关, or null
 * @param date the 成文日期, already in GB/T 9704 form
 * @param figures the text of every figure a template may name (figure names and the figures derived in
 *     the sentences, such as mediaTotal), as the version states them
 * @param items the entries of the list figures the version stored them for, by figure name
 * @param appendix the figures and the records behind them (附件), empty to leave the appendix out
 */
record WordReport(String title, String addressee, List<ReportContent.Block> blocks, String unitName, String date,
        int year, Map<String, String> figures, Map<String, List<ReportContent.Item>> items,
        List<AppendixEntry> appendix) {

    WordReport {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
        items = items == null ? Map.of() : Map.copyOf(items);
        appendix = appendix == null ? List.of() : List.copyOf(appendix);
    }

    /** The report as one version's content states it: its blocks, its figures' texts and its list figures' entries. */
    static WordReport of(String title, String addressee, ReportContent content, String unitName, String date, int year,
            List<AppendixEntry> appendix) {
        return new WordReport(title, addressee, content.blocks(), unitName, date, year,
                CustomTemplates.figureTexts(content), CustomTemplates.items(content), appendix);
    }

    /**
     * One figure of the evidence appendix.
     *
     * @param number its number in the appendix, from 1
     * @param sources what it was computed from besides single records (a ledger list, the evaluation page)
     * @param records the records behind it not already listed under an earlier figure
     * @param seeAlso the numbers of the records behind it that an earlier figure lists
     */
    record AppendixEntry(int number, String label, String value, List<Link> sources, List<AppendixRecord> records,
            List<Integer> seeAlso) {
    }

    /** A source as printed, and the address it links to; {@code url} is null when no public address is configured. */
    record Link(String text, String url) {
    }

    /**
     * One record of the appendix, one line on paper: its date, kind and title, never its id.
     *
     * @param number its number in the appendix, printed "（1）"
     * @param url its page, or null when no public address is configured
     */
    record AppendixRecord(int number, String date, String kind, String title, String url) {

        String line() {
            return date + "　" + kind + "　" + title;
        }
    }

    /** The same report in another script (繁體): every text converted, addresses left as they are. */
    WordReport convert(UnaryOperator<String> script) {
        List<ReportContent.Block> converted = blocks.stream().map(b -> new ReportContent.Block(b.key(), b.type(),
                b.heading() == null ? null : script.apply(b.heading()),
                b.lines().stream().map(line -> line.stream().map(p -> new ReportContent.Part(script.apply(p.text()),
                        p.figure(), p.missing(), p.links())).toList()).toList(),
                b.text() == null ? null : script.apply(b.text()))).toList();
        Map<String, String> texts = new LinkedHashMap<>();
        figures.forEach((key, text) -> texts.put(key, script.apply(text)));
        Map<String, List<ReportContent.Item>> entries = new LinkedHashMap<>();
        items.forEach((key, list) -> entries.put(key, list.stream()
                .map(i -> new ReportContent.Item(script.apply(i.label()), script.apply(i.detail()), i.count())).toList()));
        List<AppendixEntry> appended = appendix.stream().map(a -> new AppendixEntry(a.number(), script.apply(a.label()),
                script.apply(a.value()),
                a.sources().stream().map(s -> new Link(script.apply(s.text()), s.url())).toList(),
                a.records().stream().map(r -> new AppendixRecord(r.number(), script.apply(r.date()), script.apply(r.kind()),
                        script.apply(r.title()), r.url())).toList(),
                a.seeAlso())).toList();
        return new WordReport(script.apply(title), addressee == null ? null : script.apply(addressee), converted,
                script.apply(unitName), script.apply(date), year, texts, entries, appended);
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
