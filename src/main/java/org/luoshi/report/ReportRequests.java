package org.luoshi.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a county request for a report may do with the report module: find a township's report of a kind
 * and year, generate it when missing, submit it, and let the county decide on it. Every step goes
 * through {@link ReportService} (one generator, one review); this is only its small public face.
 */
@Service
@Transactional
public class ReportRequests {

    /** A report as a request shows it: where to open it and where it stands. */
    public record Linked(long id, String title, String status, int year) {

        public String url() {
            return "/report/" + id;
        }

        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }

        public boolean editable() {
            return "DRAFT".equals(status) || "RETURNED".equals(status);
        }
    }

    private final ReportService reports;
    private final ReportRepository repository;
    private final OrgUnitService units;

    ReportRequests(ReportService reports, ReportRepository repository, OrgUnitService units) {
        this.reports = reports;
        this.repository = repository;
        this.units = units;
    }

    /**
     * The kinds a request may ask for: the annual ones. A 自查报告 is written from a recorded
     * self-inspection against a directive, which the township chooses; it cannot be generated unasked.
     */
    public static List<String> requestableKinds() {
        return Arrays.stream(ReportKind.values()).filter(k -> k != ReportKind.SELF_INSPECTION).map(Enum::name).toList();
    }

    /** The township's current report of the kind and year (the newest revision), if it has one. */
    @Transactional(readOnly = true)
    public Optional<Linked> find(long townshipId, String kind, int year) {
        ReportKind k = ReportKind.valueOf(kind);
        return repository.findByOrgUnitIdInOrderByYearDescIdDesc(List.of(townshipId)).stream()
                .filter(r -> r.getKind() == k && r.getYear() == year).max(Comparator.comparing(Report::getId))
                .map(ReportRequests::linked);
    }

    /** A report by id, as the report module lets the viewer see it (404 outside their scope, drafts hidden from reviewers). */
    @Transactional(readOnly = true)
    public Linked get(DataScope scope, long reportId) {
        return linked(reports.get(new ReportService.Viewer(scope), reportId));
    }

    /** The township's report of the kind and year; generated from its records by the report module when missing. */
    public Linked findOrGenerate(DataScope scope, long townshipId, String kind, int year) {
        Optional<Linked> found = find(townshipId, kind, year);
        if (found.isPresent()) {
            return found.get();
        }
        OrgUnit township = units.get(scope, townshipId);
        return linked(reports.create(scope, new ReportCommands.Create(township.getId(), ReportKind.valueOf(kind), year,
                null, null)));
    }

    /** Sends the report for review, as the report page's 报送 does (refused while 【待补充】 markers remain). */
    public Linked submit(DataScope scope, long reportId) {
        return linked(reports.submit(new ReportService.Viewer(scope), reportId));
    }

    /** The county's acceptance: the report's own review (a reviewer, never the report's writer). */
    public Linked accept(DataScope scope, long reportId) {
        return linked(reports.accept(new ReportService.Viewer(scope), reportId, null));
    }

    /** The county's return, with its reason: the report's own review. */
    public Linked returnToTownship(DataScope scope, long reportId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("report.commentRequired");
        }
        return linked(reports.returnToTownship(new ReportService.Viewer(scope), reportId, reason));
    }

    private static Linked linked(Report r) {
        return new Linked(r.getId(), r.getTitle(), r.getStatus().name(), r.getYear());
    }
}
