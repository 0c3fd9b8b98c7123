package org.luoshi.search;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.luoshi.inspection.FindingHit;
import org.luoshi.inspection.FindingService;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.report.ReportSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /search?q=}: ledger records (the ledger's own text filter, trigram-indexed on PostgreSQL),
 * people by name, findings and reports by title, each group the first {@link #GROUP_SIZE} in the user's scope.
 * Every group is read through its module's scoped service, so nothing of another township shows.
 */
@Controller
class SearchController {

    static final int GROUP_SIZE = 10;
    /** Longer text is cut: nobody types a paragraph into the header, and the ledger's filter has its own limit. */
    static final int MAX_LENGTH = 100;

    private final LedgerService ledger;
    private final RecordKinds kinds;
    private final PersonService people;
    private final FindingService findings;
    private final OrgUnitService units;
    private final ReportSearch reports;

    SearchController(LedgerService ledger, RecordKinds kinds, PersonService people, FindingService findings,
            OrgUnitService units, ReportSearch reports) {
        this.reports = reports;
        this.ledger = ledger;
        this.kinds = kinds;
        this.people = people;
        this.findings = findings;
        this.units = units;
    }

    /** A ledger record found: its kind's label key, its unit's name. */
    record RecordHit(LedgerRecord record, String kindLabelKey, String unitName) {
    }

    /** A person found, with the unit they belong to. */
    record PersonHit(Person person, String unitName) {
    }

    /** A group's first rows and whether there are more than shown (one more is read to know). */
    record Group<T>(List<T> rows, boolean more) {

        static <T> Group<T> of(List<T> fetched) {
            return new Group<>(fetched.size() > GROUP_SIZE ? fetched.subList(0, GROUP_SIZE) : fetched, fetched.size() > GROUP_SIZE);
        }
    }

    @GetMapping("/search")
    String search(DataScope scope, @RequestParam(required = false) String q, Model model) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        model.addAttribute("q", text);
        if (text.isEmpty()) {
            model.addAttribute("searched", false);
            return "search/results";
        }
        List<LedgerRecord> records = ledger.list(scope, new RecordFilter(null, null, null, null, text, null, false), null,
                GROUP_SIZE + 1).records();
        List<Person> persons = people.search(scope, text, GROUP_SIZE + 1);
        Map<Long, String> unitNames = unitNames(scope, records, persons);
        Group<RecordHit> recordGroup = Group.of(records.stream()
                .map(r -> new RecordHit(r, kinds.get(r.kind()).labelKey(), unitNames.getOrDefault(r.unitId(), ""))).toList());
        Group<PersonHit> personGroup = Group.of(persons.stream()
                .map(p -> new PersonHit(p, unitNames.getOrDefault(p.getOrgUnitId(), ""))).toList());
        Group<FindingHit> findingGroup = Group.of(findings.searchTitles(scope, text, GROUP_SIZE + 1));
        Group<ReportSearch.ReportHit> reportGroup = Group.of(reports.titles(scope, text, GROUP_SIZE + 1));
        model.addAttribute("searched", true);
        model.addAttribute("reports", reportGroup);
        model.addAttribute("records", recordGroup);
        model.addAttribute("people", personGroup);
        model.addAttribute("findings", findingGroup);
        model.addAttribute("empty", recordGroup.rows().isEmpty() && personGroup.rows().isEmpty() && findingGroup.rows().isEmpty()
                && reportGroup.rows().isEmpty());
        return "search/results";
    }

    /** The names of the units of the rows, read once: every unit shown is in scope, the rows came through it. */
    private Map<Long, String> unitNames(DataScope scope, List<LedgerRecord> records, List<Person> persons) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        records.forEach(r -> ids.add(r.unitId()));
        persons.forEach(p -> ids.add(p.getOrgUnitId()));
        return ids.stream().map(id -> units.get(scope, id)).collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getName,
                (a, b) -> a));
    }

}
