package org.luoshi.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.inspection.FindingService;
import org.luoshi.inspection.FindingSummary;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names the ledger records ({@code /ledger/records/{id}}) and inspection findings
 * ({@code /inspection/findings/{id}}) that {@link LedgerReportFigures} links, with one query for each:
 * the appendix prints their date, kind and title instead of their ids.
 */
@Component
class LedgerEvidenceRecords implements EvidenceRecords {

    static final Pattern RECORD = Pattern.compile("/ledger/records/(\\d+)");
    static final Pattern FINDING = Pattern.compile("/inspection/findings/(\\d+)");
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final OrgUnitService units;
    private final LedgerStatistics ledger;
    private final FindingService findings;
    private final MessageSource messages;
    private final Clock clock;

    LedgerEvidenceRecords(OrgUnitService units, LedgerStatistics ledger, FindingService findings,
            MessageSource messages, Clock clock) {
        this.units = units;
        this.ledger = ledger;
        this.findings = findings;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Map<String, EvidenceRecord> describe(long townshipId, int year, Collection<String> hrefs) {
        Map<Long, String> records = ids(RECORD, hrefs);
        Map<Long, String> found = ids(FINDING, hrefs);
        Map<String, EvidenceRecord> described = new HashMap<>();
        if (records.isEmpty() && found.isEmpty()) {
            return described;
        }
        OrgUnit township = units.getUnchecked(townshipId);
        for (LedgerStatistics.NamedRecord r : ledger.named(township.getPath(), records.keySet())) {
            described.put(records.get(r.id()), new EvidenceRecord(r.occurredOn(),
                    messages.getMessage("ledger.kind." + r.kind(), null, r.kind().name(), ZH), r.title(), r.deleted()));
        }
        if (!found.isEmpty()) {
            // the report module has checked the reader may open the report; the findings are the township's
            DataScope scope = DataScope.readOnly("report", township);
            List<FindingSummary> raised = findings.summaries(scope, townshipId, LocalDate.of(year, 1, 1),
                    LocalDate.of(year + 1, 1, 1));
            String kind = messages.getMessage("report.appendix.finding", null, ZH);
            for (FindingSummary s : raised) {
                String href = found.get(s.id());
                if (href != null) {
                    described.put(href, new EvidenceRecord(LocalDate.ofInstant(s.raisedAt(), clock.getZone()), kind,
                            s.unitName() + "：" + s.title(), false));
                }
            }
        }
        return described;
    }

    private static Map<Long, String> ids(Pattern pattern, Collection<String> hrefs) {
        Map<Long, String> ids = new HashMap<>();
        for (String href : hrefs) {
            Matcher m = pattern.matcher(href == null ? "" : href);
            if (m.matches()) {
                ids.put(Long.valueOf(m.group(1)), href);
            }
        }
        return ids;
    }
}
