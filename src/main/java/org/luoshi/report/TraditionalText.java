package org.luoshi.report;

import com.github.houbb.opencc4j.support.datamap.IDataMap;
import com.github.houbb.opencc4j.support.datamap.impl.DataMaps;
import com.huaban.analysis.jieba.JiebaSegmenter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Report text in traditional characters, in three steps:
 * <ol>
 * <li>our phrases ({@code phrases.tsv}) where OpenCC's first choice or the split into words is wrong ("不准迟到"
 * is not 準); the rest split into words (jieba), each word by OpenCC's phrases and characters (the tables
 * opencc4j ships);</li>
 * <li>the variant's forms over OpenCC's standard ones ({@code tw.tsv}: 爲 → 為, 裏 → 裡, 考覈 → 考核;
 * {@code hk.tsv}); OpenCC's standard forms stay as they are for {@link TraditionalVariant#OPENCC};</li>
 * <li>proper nouns are kept out of both: the names given (people, units, outlets) and document titles in
 * 《》 stay exactly as written, because a name converted (秦杰 → 秦傑) is another person's name.</li>
 * </ol>
 * The tables are documented in {@code report/traditional/README.md} beside them.
 */
final class TraditionalText implements UnaryOperator<String> {

    private static final Pattern TITLE = Pattern.compile("《[^《》]*》");

    private final Table variantForms;
    /** The names to keep, by their first character, longest first. */
    private final Map<Character, List<String>> names;

    private TraditionalText(TraditionalVariant variant, Collection<String> properNouns) {
        this.variantForms = switch (variant) {
            case TW -> Tables.TW;
            case HK -> Tables.HK;
            case OPENCC -> Table.EMPTY;
        };
        // a single character is no name to keep: it would keep that character everywhere
        this.names = properNouns.stream().filter(n -> n != null && n.strip().length() >= 2).map(String::strip)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .collect(Collectors.groupingBy(n -> n.charAt(0)));
    }

    /** A conversion to the variant that keeps the proper nouns given (people's, units' and outlets' names). */
    static TraditionalText of(TraditionalVariant variant, Collection<String> properNouns) {
        return new TraditionalText(variant, properNouns);
    }

    @Override
    public String apply(String simplified) {
        if (simplified == null || simplified.isEmpty()) {
            return simplified;
        }
        StringBuilder out = new StringBuilder(simplified.length());
        int free = 0;
        for (Span span : spans(simplified)) {
            out.append(variantForms.replace(traditional(simplified.substring(free, span.start()))));
            out.append(span.replacement());
            free = span.end();
        }
        out.append(variantForms.replace(traditional(simplified.substring(free))));
        return out.toString();
    }

    /** A part of the text with its fixed replacement: itself for a name or a title, ours for a phrase of the table. */
    private record Span(int start, int end, String replacement) {
    }

    /**
     * The titles, the names (where they do not stand in a title) and then our phrases (where neither stands), in
     * text order. Our phrases are matched before the segmentation, so that they hold even where jieba splits a
     * sentence wrongly ("源头|发力" is not 頭髮).
     */
    private List<Span> spans(String text) {
        Span[] at = new Span[text.length()];
        boolean[] taken = new boolean[text.length()];
        Matcher titles = TITLE.matcher(text);
        while (titles.find()) {
            at[titles.start()] = new Span(titles.start(), titles.end(), titles.group());
            Arrays.fill(taken, titles.start(), titles.end(), true);
        }
        for (int i = 0; i < text.length(); i++) {
            if (taken[i]) {
                continue;
            }
            for (String name : names.getOrDefault(text.charAt(i), List.of())) {
                if (text.startsWith(name, i) && free(taken, i, i + name.length())) {
                    at[i] = new Span(i, i + name.length(), name);
                    Arrays.fill(taken, i, i + name.length(), true);
                    break;
                }
            }
        }
        Table fixes = Tables.PHRASES;
        for (int i = 0; i < text.length(); i++) {
            for (int length = Math.min(fixes.longest(), text.length() - i); length > 1 && !taken[i]; length--) {
                String fixed = fixes.entries().get(text.substring(i, i + length));
                if (fixed != null && free(taken, i, i + length)) {
                    at[i] = new Span(i, i + length, variantForms.replace(fixed));
                    Arrays.fill(taken, i, i + length, true);
                }
            }
        }
        return Arrays.stream(at).filter(Objects::nonNull).toList();
    }

    private static boolean free(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * OpenCC's conversion word by word. OpenCC matches its phrases from the left across word boundaries, and its
     * phrases hold only words whose conversion is ambiguous, so "带头发现" became 帶|頭髮|現 and "好干部" 好乾|部;
     * jieba's segmentation (by word frequency, the segmenter opencc4j supports) splits 带头|发现 and 好|干部 first.
     */
    private static String traditional(String run) {
        if (run.isEmpty()) {
            return run;
        }
        List<String> words = Tables.SEGMENTER.sentenceProcess(run);
        if (!String.join("", words).equals(run)) {
            return Tables.TRADITIONAL.replace(run); // never seen: jieba keeps every character; but text must not be lost
        }
        StringBuilder out = new StringBuilder(run.length());
        words.forEach(word -> out.append(Tables.TRADITIONAL.replace(word)));
        return out.toString();
    }

    /** Replacements by longest match from the left (OpenCC's own way); what no key matches is copied. */
    record Table(Map<String, String> entries, int longest) {

        static final Table EMPTY = new Table(Map.of(), 0);

        String replace(String text) {
            if (entries.isEmpty()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            int i = 0;
            while (i < text.length()) {
                int length = Math.min(longest, text.length() - i);
                while (length > 1 && !entries.containsKey(text.substring(i, i + length))) {
                    length--;
                }
                String piece = text.substring(i, i + length);
                out.append(entries.getOrDefault(piece, piece));
                i += length;
            }
            return out.toString();
        }

        static Table of(Map<String, String> entries) {
            return new Table(Map.copyOf(entries), entries.keySet().stream().mapToInt(String::length).max().orElse(0));
        }
    }

    /** Loaded once, on the first conversion: OpenCC's 49,000 phrases and jieba's dictionary (about 70 MB) take a second. */
    static final class Tables {

        static final JiebaSegmenter SEGMENTER = new JiebaSegmenter();
        static final Table TRADITIONAL = traditional();
        static final Table PHRASES = Table.of(read("phrases.tsv"));
        static final Table TW = Table.of(read("tw.tsv"));
        static final Table HK = Table.of(read("hk.tsv"));

        private Tables() {
        }

        /** OpenCC's characters and phrases, its first choice each. */
        private static Table traditional() {
            IDataMap openCc = DataMaps.defaults();
            Map<String, String> all = new HashMap<>();
            openCc.stChar().forEach((s, t) -> all.put(s, t.get(0)));
            openCc.stPhrase().forEach((s, t) -> all.put(s, t.get(0)));
            return Table.of(all);
        }

        /** A table of the folder: "from TAB to", blank lines and lines from # on left out. */
        static Map<String, String> read(String file) {
            String path = "/report/traditional/" + file;
            Map<String, String> table = new HashMap<>();
            try (InputStream in = TraditionalText.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + path);
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = lines.readLine()) != null) {
                    int comment = line.indexOf('#');
                    String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
                    if (entry.isEmpty()) {
                        continue;
                    }
                    String[] parts = entry.split("\t");
                    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                        throw new IllegalStateException(path + ": not \"from TAB to\": " + line);
                    }
                    if (table.put(parts[0].strip(), parts[1].strip()) != null) {
                        throw new IllegalStateException(path + ": twice: " + parts[0]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return table;
        }
    }
}
