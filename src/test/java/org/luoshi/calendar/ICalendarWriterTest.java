package org.luoshi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Folding, escaping and time stamps of the iCalendar writer (RFC 5545 3.1, 3.3.11, 3.3.5). */
class ICalendarWriterTest {

    static String folded(String content) {
        StringBuilder out = new StringBuilder();
        ICalendarWriter.line(out, content);
        return out.toString();
    }

    @Test
    void seventyFiveOctetsStayOneLineAndTheSeventySixthFolds() {
        String exact = "X".repeat(75);
        assertThat(folded(exact)).isEqualTo(exact + "\r\n");
        assertThat(folded(exact + "Y")).isEqualTo(exact + "\r\n Y\r\n");
    }

    @Test
    void chineseIsFoldedBetweenCharactersNeverInsideOne() {
        String content = "SUMMARY:" + "意识形态工作责任制".repeat(10);
        String text = folded(content);
        assertThat(text).endsWith("\r\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        // 8 octets of name, then 22 characters of 3 octets: the 23rd would make 77
        assertThat(text.split("\r\n")[0]).hasSize(8 + 22);
        assertThat(text.replace("\r\n ", "").replace("\r\n", "")).isEqualTo(content);
    }

    @Test
    void textIsEscapedAndTheStampIsUtc() {
        assertThat(ICalendarWriter.text("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
        assertThat(ICalendarWriter.text(null)).isEmpty();
        assertThat(ICalendarWriter.utc(Instant.parse("2026-03-31T16:05:09.987Z"))).isEqualTo("20260331T160509Z");
    }
}
