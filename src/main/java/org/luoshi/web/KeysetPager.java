package org.luoshi.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Previous and next of a keyset-paged list. A keyset page knows only where the next page starts,
 * so the way back travels in the address: {@code back} holds the cursors of the pages before this
 * one ("" for the first), joined by {@value #SEPARATOR}, which no cursor contains. Drawn by
 * {@code fragments/pager :: pager}.
 *
 * @param cursor where this page starts (null or blank: the first page)
 * @param back the trail of the pages before this one, as the address carried it
 * @param next where the next page starts, or null on the last page
 */
public record KeysetPager(String cursor, String back, String next) {

    static final String SEPARATOR = "~";
    /** A longer trail loses its oldest steps: the address stays short, and the first page is one step away. */
    static final int MAX_TRAIL = 40;

    public boolean hasPrevious() {
        return cursor != null && !cursor.isBlank();
    }

    public boolean hasNext() {
        return next != null;
    }

    /** Where the previous page starts ("" is the first page). */
    public String previousCursor() {
        List<String> trail = trail();
        return trail.isEmpty() ? "" : trail.get(trail.size() - 1);
    }

    /** The trail the previous page carries. */
    public String previousBack() {
        List<String> trail = trail();
        return trail.size() <= 1 ? null : String.join(SEPARATOR, trail.subList(0, trail.size() - 1));
    }

    /** The trail the next page carries: this one's, then this page. */
    public String nextBack() {
        List<String> trail = new ArrayList<>(trail());
        trail.add(cursor == null ? "" : cursor);
        if (trail.size() > MAX_TRAIL) {
            trail = new ArrayList<>(trail.subList(trail.size() - MAX_TRAIL, trail.size()));
            trail.set(0, "");
        }
        return String.join(SEPARATOR, trail);
    }

    private List<String> trail() {
        if (back == null || !hasPrevious()) {
            return List.of();
        }
        return Arrays.asList(back.split(java.util.regex.Pattern.quote(SEPARATOR), -1));
    }
}
