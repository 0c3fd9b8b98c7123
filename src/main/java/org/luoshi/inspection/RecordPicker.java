package org.luoshi.inspection;

import java.time.LocalDate;
import java.time.YearMonth;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.org.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 选择台账记录: evidence (of a self-inspection answer or a rectification) is picked from the unit's records by
 * title or date rather than typed as a number nobody knows. The page asks as the user types (htmx) and gets
 * a short list of radio choices named {@code ledgerRecordId}, newest first; the ledger's own list query
 * (and so its data scope) answers. Linking still goes through {@link LedgerLinks}, which refuses a record
 * outside the scope whatever the page sent.
 */
@Controller
@PreAuthorize("hasAuthority('records:write')")
class RecordPicker {

    static final int SIZE = 12;

    private final LedgerService ledger;

    RecordPicker(LedgerService ledger) {
        this.ledger = ledger;
    }

    /**
     * @param unitId the unit whose subtree is searched (the township answering, the unit of a finding)
     * @param q words of the title or notes, or a date: 2026-03-05, a month 2026-03, a year 2026
     */
    @GetMapping("/inspection/record-picker")
    String pick(DataScope scope, @RequestParam long unitId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "picker") String id, Model model) {
        String text = q == null ? "" : q.strip();
        LocalDate from = null;
        LocalDate to = null;
        try {
            if (text.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] p = text.split("-");
                from = LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                to = from;
                text = "";
            } else if (text.matches("\\d{4}-\\d{1,2}")) {
                String[] p = text.split("-");
                YearMonth month = YearMonth.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
                from = month.atDay(1);
                to = month.atEndOfMonth();
                text = "";
            } else if (text.matches("\\d{4}")) {
                from = LocalDate.of(Integer.parseInt(text), 1, 1);
                to = from.withDayOfYear(from.lengthOfYear());
                text = "";
            }
        } catch (java.time.DateTimeException e) {
            // not a date after all (2026-13): search the words as typed
            from = null;
            to = null;
        }
        RecordFilter filter = new RecordFilter(null, unitId, from, to, text.isEmpty() ? null : text, null, false);
        model.addAttribute("records", ledger.list(scope, filter, null, SIZE).records());
        model.addAttribute("pickerId", id.replaceAll("[^A-Za-z0-9_-]", ""));
        return "inspection/record-picker :: results";
    }
}
