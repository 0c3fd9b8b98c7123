package org.luoshi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a title too long for one line breaks. GB/T 9704-2012 7.3.1: 回行时要做到词意完整，排列对称，长短适宜，
 * 间距恰当，标题排列应当使用梯形或菱形. A line may end only at the edge of a phrase of report titles or of a
 * year ("2025年"), never inside one; of the breaks that give the fewest lines, the one with the most even lines
 * wins, and of two equally even the one with the shorter first line (a 正梯形). A title without such a break
 * is left to the program's own wrapping; a title that already holds line breaks keeps them.
 */
final class TitleLines {

    /** Phrases of report titles that a line must not split; a line may break at their edges. */
    private static final List<String> PHRASES = List.of("意识形态工作责任制", "意识形态工作", "宣传思想工作", "思想政治工作",
            "落实", "自查情况", "情况的报告", "工作总结", "的报告", "的通知", "的意见", "的请示", "的函",
            // the same in 繁體
            "意識形態工作責任制", "意識形態工作", "宣傳思想工作", "落實", "自查情況", "情況的報告", "工作總結", "的報告");
    private static final Pattern YEAR = Pattern.compile("\\d{4}年度?|\\d{4}—\\d{4}年");

    private TitleLines() {
    }

    /** The lines of a title, each at most {@code capacity} full-width characters wide (as {@link GbDocumentWriter#characters} estimates them). */
    static List<String> of(String title, double capacity) {
        if (title.contains("\n")) {
            return title.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
        if (GbDocumentWriter.characters(title) <= capacity) {
            return List.of(title);
        }
        List<Integer> breaks = breaks(title);
        for (int lines = 2; lines <= breaks.size() + 1; lines++) {
            List<Integer> best = best(title, breaks, lines - 1, capacity);
            if (best != null) {
                List<String> result = new ArrayList<>();
                int from = 0;
                for (int at : best) {
                    result.add(title.substring(from, at));
                    from = at;
                }
                result.add(title.substring(from));
                return result;
            }
        }
        return List.of(title);
    }

    /** The positions a line may end at: the edges of phrases and years, not inside any of them. */
    private static List<Integer> breaks(String title) {
        List<int[]> spans = new ArrayList<>();
        for (String phrase : PHRASES) {
            for (int at = title.indexOf(phrase); at >= 0; at = title.indexOf(phrase, at + 1)) {
                spans.add(new int[] {at, at + phrase.length()});
            }
        }
        Matcher year = YEAR.matcher(title);
        while (year.find()) {
            spans.add(new int[] {year.start(), year.end()});
        }
        List<Integer> breaks = new ArrayList<>();
        for (int[] span : spans) {
            for (int edge : span) {
                boolean inside = spans.stream().anyMatch(s -> s[0] < edge && edge < s[1]);
                if (edge > 0 && edge < title.length() && !inside && !breaks.contains(edge)) {
                    breaks.add(edge);
                }
            }
        }
        breaks.sort(null);
        return breaks;
    }

    /** Of the ways to choose {@code count} breaks that fit every line, the most even (first line shorter on a tie). */
    private static List<Integer> best(String title, List<Integer> breaks, int count, double capacity) {
        List<Integer> best = null;
        double[] bestScore = null;
        for (List<Integer> choice : choices(breaks, count, 0)) {
            double[] widths = new double[count + 1];
            int from = 0;
            for (int i = 0; i <= count; i++) {
                int to = i < count ? choice.get(i) : title.length();
                widths[i] = GbDocumentWriter.characters(title.substring(from, to));
                from = to;
            }
            double max = java.util.Arrays.stream(widths).max().orElse(0);
            if (max > capacity) {
                continue;
            }
            double min = java.util.Arrays.stream(widths).min().orElse(0);
            double[] score = {max - min, widths[0] - widths[count]};
            if (bestScore == null || java.util.Arrays.compare(score, bestScore) < 0) {
                best = choice;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<List<Integer>> choices(List<Integer> breaks, int count, int from) {
        List<List<Integer>> all = new ArrayList<>();
        if (count == 0) {
            all.add(List.of());
            return all;
        }
        for (int i = from; i < breaks.size(); i++) {
            for (List<Integer> rest : choices(breaks, count - 1, i + 1)) {
                List<Integer> choice = new ArrayList<>();
                choice.add(breaks.get(i));
                choice.addAll(rest);
                all.add(choice);
            }
        }
        return all;
    }
}
