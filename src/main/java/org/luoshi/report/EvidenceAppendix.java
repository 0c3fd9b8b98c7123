package org.luoshi.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The appendix 数据来源清单 of a report version, made to be read on paper. Under each figure of the
 * version (its label and the value the version states) come the sources it was computed from and the
 * records behind it, one line per record: date (2026年12月28日), kind and title. A record behind several
 * figures is listed once, under the first; the others refer to its number. No internal id is printed:
 * the version's links are named through {@link EvidenceRecords}, and what is not a record (a ledger
 * list, a page) is printed by its name. Only with a public base URL do records and sources link to
 * their pages, and the addresses are never printed.
 */
final class EvidenceAppendix {

    /** "会议记录 #42": a link label that names a record by its id. */
    private static final Pattern ID = Pattern.compile("\\s*#\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private EvidenceAppendix() {
    }

    /** Every link of the version's figures, for {@link EvidenceRecords#describe}. */
    static Set<String> hrefs(ReportContent content) {
        Set<String> hrefs = new LinkedHashSet<>();
        content.figureParts().forEach(p -> p.links().stream().map(EvidenceLink::href).filter(h -> h != null)
                .forEach(hrefs::add));
        return hrefs;
    }

    /**
     * @param records the records among the version's links, by href
     * @param baseUrl the public address of the application (e.g. https://luoshi.example.gov.cn), or blank for no links
     */
    static List<WordReport.AppendixEntry> of(ReportContent content, Map<String, EvidenceRecords.EvidenceRecord> records,
            String baseUrl) {
        String base = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
        Map<String, Integer> listed = new HashMap<>();
        List<WordReport.AppendixEntry> entries = new ArrayList<>();
        int n = 0;
        for (ReportContent.Part part : content.figureParts()) {
            Map<String, WordReport.Link> sources = new LinkedHashMap<>();
            List<String> fresh = new ArrayList<>();
            Set<Integer> seeAlso = new java.util.TreeSet<>();
            for (EvidenceLink link : part.links()) {
                EvidenceRecords.EvidenceRecord record = link.href() == null ? null : records.get(link.href());
                if (record == null) {
                    String text = paper(link.label());
                    sources.putIfAbsent(text, new WordReport.Link(text, url(base, link.href())));
                } else if (listed.containsKey(link.href())) {
                    seeAlso.add(listed.get(link.href()));
                } else if (!fresh.contains(link.href())) {
                    fresh.add(link.href());
                }
            }
            fresh.sort(Comparator.comparing((String href) -> records.get(href).date())
                    .thenComparing(href -> records.get(href).title()));
            List<WordReport.AppendixRecord> lines = new ArrayList<>();
            for (String href : fresh) {
                EvidenceRecords.EvidenceRecord record = records.get(href);
                int number = listed.size() + 1;
                listed.put(href, number);
                lines.add(new WordReport.AppendixRecord(number, ReportText.date(record.date()), record.kind(),
                        record.title() + (record.deleted() ? "（该记录已删除）" : ""), url(base, href)));
            }
            entries.add(new WordReport.AppendixEntry(++n, ReportDraft.label(part.figure()), part.text(),
                    List.copyOf(sources.values()), lines, List.copyOf(seeAlso)));
        }
        return entries;
    }

    /** A link's label as printed: without record ids, dates written 2026年12月28日. */
    static String paper(String label) {
        String text = ID.matcher(label).replaceAll("");
        Matcher m = ISO_DATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Integer.parseInt(m.group(1)) + "年" + Integer.parseInt(m.group(2)) + "月"
                    + Integer.parseInt(m.group(3)) + "日");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String url(String base, String href) {
        if (base == null || href == null || href.isBlank()) {
            return null;
        }
        if (href.startsWith("http://") || href.startsWith("https://")) {
            return href;
        }
        return base + (href.startsWith("/") ? href : "/" + href);
    }
}
