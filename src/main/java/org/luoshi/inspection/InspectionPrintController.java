package org.luoshi.inspection;

import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.luoshi.time.Times;
import org.luoshi.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The inspection module's print views: a finding's 整改通知书, a supervision visit's 督查反馈意见 (followed by
 * one 整改通知书 per finding, each on its own page) and a checklist with blank answer columns. Each reads
 * through the same service and scope as the page it prints: another township's finding or visit is 404.
 */
@Controller
@RequestMapping("/inspection")
class InspectionPrintController {

    private final FindingService findings;
    private final InspectionService inspections;
    private final ChecklistService checklists;
    private final OrgUnitService units;
    private final Times times;

    InspectionPrintController(FindingService findings, InspectionService inspections, ChecklistService checklists,
            OrgUnitService units, Times times) {
        this.findings = findings;
        this.inspections = inspections;
        this.checklists = checklists;
        this.units = units;
        this.times = times;
    }

    /** One 整改通知书: to the finding's unit, from the unit that raised it, dated the day it was raised. */
    record Notice(FindingRow row, String raisedBy, String raisedOn) {
    }

    private Notice notice(FindingRow row) {
        Finding f = row.finding();
        return new Notice(row, units.getUnchecked(f.getRaisedByUnitId()).getName(), times.day(f.getRaisedAt()));
    }

    @GetMapping("/findings/{id}/notice")
    String notice(DataScope scope, Authentication auth, @PathVariable long id, Model model) {
        FindingRow row = findings.row(Actor.of(scope, auth), id);
        model.addAttribute("notices", List.of(notice(row)));
        model.addAttribute("back", "/inspection/findings/" + id);
        return "print/notice";
    }

    /** 督查反馈意见 of a supervision visit, then the 整改通知书 of each of its findings. */
    @GetMapping("/inspections/{id}/feedback")
    String feedback(DataScope scope, Authentication auth, @PathVariable long id, Model model) {
        Actor actor = Actor.of(scope, auth);
        Inspection inspection = inspections.get(actor, id);
        if (!inspection.isVisit()) {
            // a self-inspection has no 督查 to feed back on
            throw new NotFoundException("Feedback", id);
        }
        List<FindingRow> rows = findings.ofInspection(actor, id);
        model.addAttribute("inspection", inspection);
        model.addAttribute("checklist", checklists.get(actor, inspection.getChecklistId()));
        model.addAttribute("unitNames", inspections.visitedUnits(inspection).stream().map(u -> u.getName()).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("notices", rows.stream().map(this::notice).toList());
        model.addAttribute("back", "/inspection/inspections/" + id);
        return "print/feedback";
    }

    /** A checklist to take along: its items with empty 检查情况 and 结果 columns to fill in by hand. */
    @GetMapping("/checklists/{id}/print")
    String checklist(DataScope scope, Authentication auth, @PathVariable long id, Model model) {
        Actor actor = Actor.of(scope, auth);
        Checklist checklist = checklists.get(actor, id);
        model.addAttribute("checklist", checklist);
        model.addAttribute("items", checklists.items(actor, id));
        model.addAttribute("owner", units.getUnchecked(checklist.getOwnerUnitId()).getName());
        model.addAttribute("back", "/inspection/checklists/" + id);
        return "print/checklist";
    }
}
