package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fragment selector such as {@code ~{fragments/form :: textarea(...)}} also selects every
 * {@code <textarea>} element of that file: a fragment named like an element of its own file renders
 * that element a second time. No fragment may be named so.
 */
class TemplateFragmentTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern FRAGMENT = Pattern.compile("th:fragment=\"([a-zA-Z][a-zA-Z0-9]*)");

    @Test
    void noFragmentIsNamedLikeAnElementOfItsFile() throws IOException {
        List<String> clashes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                Matcher m = FRAGMENT.matcher(html);
                while (m.find()) {
                    String name = m.group(1);
                    // the fragment's own element may carry the name (<table th:fragment="table">): count the others
                    long elements = Pattern.compile("<" + name + "[\\s>]", Pattern.CASE_INSENSITIVE).matcher(html).results().count();
                    long own = Pattern.compile("<" + name + "[^>]*th:fragment=\"" + name, Pattern.CASE_INSENSITIVE)
                            .matcher(html).results().count();
                    if (elements - own > 0 && !onlyInside(html, name)) {
                        clashes.add(TEMPLATES.relativize(file) + " :: " + name);
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    /** Whether every element of that name sits inside the fragment's own element (then it is not selected twice). */
    private static boolean onlyInside(String html, String name) {
        int start = html.indexOf("th:fragment=\"" + name);
        int open = html.lastIndexOf('<', start);
        String tag = html.substring(open + 1).split("[\\s>]", 2)[0];
        int end = closing(html, tag, open);
        Matcher m = Pattern.compile("<" + name + "[\\s>]", Pattern.CASE_INSENSITIVE).matcher(html);
        while (m.find()) {
            if (m.start() < open || m.start() > end) {
                return false;
            }
        }
        return true;
    }

    /** The end of the element opened at {@code open}, counting nested elements of the same tag. */
    private static int closing(String html, String tag, int open) {
        Matcher m = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(html);
        int depth = 0;
        m.region(open, html.length());
        while (m.find()) {
            depth += m.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return m.start();
            }
        }
        return html.length();
    }
}
