package org.luoshi.report;

import java.util.List;
import java.util.Locale;
import org.luoshi.org.DataScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports found by title for the header's search: the reports the user may open (their subtree; a
 * reviewer never sees a township's draft), read through the report list itself so the search shows
 * nothing the 报告 page would not.
 */
@Component
public class ReportSearch {

    /** A report found: what the search page shows and links to; {@code status} is the {@code ReportStatus} name. */
    public record ReportHit(long id, String title, int year, String status) {
    }

    private final ReportService reports;

    ReportSearch(ReportService reports) {
        this.reports = reports;
    }

    /** The newest reports whose title contains the text (any case), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ReportHit> titles(DataScope scope, String text, int limit) {
        String needle = text.toLowerCase(Locale.ROOT);
        return reports.list(new ReportService.Viewer(scope)).stream()
                .filter(r -> r.getTitle() != null && r.getTitle().toLowerCase(Locale.ROOT).contains(needle))
                .limit(limit)
                .map(r -> new ReportHit(r.getId(), r.getTitle(), r.getYear(), r.getStatus().name()))
                .toList();
    }
}
