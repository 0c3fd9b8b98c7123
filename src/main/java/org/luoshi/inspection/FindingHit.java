package org.luoshi.inspection;

import java.time.LocalDate;

/** A finding as a search result: enough to show it and link to it; {@code state} is a {@link RectificationState} name. */
public record FindingHit(long id, String title, String unitName, LocalDate deadline, String state) {
}
