package org.luoshi.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wording rules shared by the draft, the check panel and the Word writer. */
final class ReportText {

    static final String MARKER_OPEN = "【待补充：";
    static final String MARKER_CLOSE = "】";
    private static final Pattern MARKER = Pattern.compile("【待补充[：:]?([^】]*)】");

    private ReportText() {
    }

    /** The visible marker for something the records do not hold. */
    static String marker(String whatIsMissing) {
        return MARKER_OPEN + whatIsMissing + MARKER_CLOSE;
    }

    /** The descriptions inside every marker of a text, in order. */
    static java.util.List<String> markersIn(String text) {
        java.util.List<String> found = new java.util.ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            found.add(m.group(1).isBlank() ? m.group() : m.group(1));
        }
        return found;
    }

    /** "3月12日": a date within the report's year, as the body names it. */
    static String monthDay(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** GB/T 9704 dates: Arabic numerals, no leading zeros, e.g. 2026年3月5日. */
    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** How the committee of a township calls itself: 镇党委, 乡党委, 街道党工委. */
    static String committee(String townshipName) {
        if (townshipName.endsWith("街道")) {
            return "街道党工委";
        }
        if (townshipName.endsWith("乡")) {
            return "乡党委";
        }
        return "镇党委";
    }

    /** The formal name of the committee for the signature: 中共柳溪镇委员会, 中共东城街道工作委员会. */
    static String unitName(String townshipName) {
        return "中共" + townshipName + (townshipName.endsWith("街道") ? "工作委员会" : "委员会");
    }

    /** The default addressee: the propaganda department of the county. */
    static String countyDepartment(String countyName) {
        return "中共" + countyName + "委宣传部";
    }
}
