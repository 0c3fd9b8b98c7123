package org.luoshi.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Writes calendar entries as an iCalendar stream (RFC 5545): one all-day VEVENT per duty, lines
 * ended by CRLF and folded so that no line is longer than 75 octets of UTF-8 (a Chinese character is
 * three octets and is never cut in two).
 */
final class ICalendarWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** What an event says, in Chinese: the summary line and the description. */
    interface Texts {
        String summary(CalendarEntry entry);

        String description(CalendarEntry entry);
    }

    private ICalendarWriter() {
    }

    /**
     * @param name the calendar's name, shown by the phone
     * @param stamp when the feed is made (DTSTAMP)
     * @param url the absolute address of an entry's page on the site
     */
    static String write(String name, List<CalendarEntry> entries, Instant stamp, Texts texts,
            Function<CalendarEntry, String> url) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Luoshi//Work calendar//ZH");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (CalendarEntry e : entries) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "DTSTAMP:" + utc(stamp));
            // all-day on the due date: DTEND is exclusive, the next day
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(e.due()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(e.due().plusDays(1)));
            line(out, "SUMMARY:" + text(texts.summary(e)));
            line(out, "DESCRIPTION:" + text(texts.description(e)));
            line(out, "URL:" + url.apply(e));
            line(out, "STATUS:" + (e.state() == CalendarEntry.State.DONE ? "CONFIRMED" : "TENTATIVE"));
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A UTC date-time (RFC 5545 3.3.5, form 2), as DTSTAMP must be: an instant prints in UTC. */
    static String utc(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("-", "").replace(":", "");
    }

    /** A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** One content line, folded at 75 octets: a CRLF and a space before each continuation. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                // the space that starts the continuation counts towards its 75 octets
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

}
