package org.luoshi.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.evidence.Attachment;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Self-inspections and supervision visits. A self-inspection is the unit's own work (writing roles);
 * a visit is the upper level's (supervising roles, the county reviewer included). Unmet items of a
 * finished self-inspection, and the problems a visit records, become findings.
 */
@Service
@Transactional(readOnly = true)
class InspectionService {

    private final InspectionRepository inspections;
    private final InspectionAnswerRepository answers;
    private final AnswerEvidenceRepository answerEvidence;
    private final ChecklistService checklists;
    private final FindingService findings;
    private final OrgUnitService units;
    private final AttachmentService attachments;
    private final Clock clock;
    private final LedgerLinks ledgerLinks;

    InspectionService(InspectionRepository inspections, InspectionAnswerRepository answers,
            AnswerEvidenceRepository answerEvidence, ChecklistService checklists, FindingService findings,
            OrgUnitService units, AttachmentService attachments, Clock clock, LedgerLinks ledgerLinks) {
        this.ledgerLinks = ledgerLinks;
        this.inspections = inspections;
        this.answers = answers;
        this.answerEvidence = answerEvidence;
        this.checklists = checklists;
        this.findings = findings;
        this.units = units;
        this.attachments = attachments;
        this.clock = clock;
    }

    Page<Inspection> list(Actor actor, InspectionKind kind, int page) {
        return inspections.findVisible(kind, units.unitIds(actor.scope().unitPath(), false),
                PageRequest.of(Math.max(page, 0), 20));
    }

    /** Visible to the inspecting unit's scope and, for a visit, to the scopes of the visited units. */
    Inspection get(Actor actor, long id) {
        Inspection inspection = inspections.findById(id).orElseThrow(() -> new NotFoundException("Inspection", id));
        boolean visible = actor.scope().covers(units.getUnchecked(inspection.getUnitId()))
                || inspection.getVisitedUnitIds().stream().anyMatch(u -> actor.scope().covers(units.getUnchecked(u)));
        if (!visible) {
            throw new NotFoundException("Inspection", id);
        }
        return inspection;
    }

    /**
     * A draft is changed by its own unit: a visit by the unit that makes it (not by a unit above that
     * can read it), a self-inspection by whoever writes the unit's records.
     */
    boolean mayEdit(Actor actor, Inspection inspection) {
        return inspection.isDraft() && mayChange(actor, inspection);
    }

    /** The ownership rule, whatever the state: see {@link #mayEdit}. */
    private boolean mayChange(Actor actor, Inspection inspection) {
        OrgUnit unit = units.getUnchecked(inspection.getUnitId());
        if (!actor.scope().covers(unit)) {
            return false;
        }
        return inspection.isVisit() ? actor.supervises() && actor.owns(unit) : actor.scope().writable();
    }

    List<AnswerView> answers(Actor actor, long id) {
        Inspection inspection = get(actor, id);
        List<ChecklistItem> items = checklists.items(actor, inspection.getChecklistId());
        List<InspectionAnswer> given = answers.findByInspectionId(id);
        Map<Long, InspectionAnswer> byItem = given.stream()
                .collect(Collectors.toMap(InspectionAnswer::getItemId, Function.identity()));
        Map<Long, List<EvidenceView>> evidence = given.isEmpty() ? Map.of()
                : answerEvidence.findByAnswerIdInOrderByIdAsc(given.stream().map(InspectionAnswer::getId).toList())
                        .stream().collect(Collectors.groupingBy(AnswerEvidence::getAnswerId, Collectors.mapping(
                                e -> new EvidenceView(e, e.getAttachmentId() == null ? null
                                        : attachments.get(e.getAttachmentId())),
                                Collectors.toList())));
        return items.stream().map(i -> {
            InspectionAnswer a = byItem.get(i.getId());
            return new AnswerView(i, a, a == null ? List.of() : evidence.getOrDefault(a.getId(), List.of()));
        }).toList();
    }

    List<OrgUnit> visitedUnits(Inspection inspection) {
        return inspection.getVisitedUnitIds().stream().map(units::getUnchecked).toList();
    }

    @Transactional
    Inspection startSelf(Actor actor, long checklistId, LocalDate heldOn) {
        actor.requireWritable();
        checklists.get(actor, checklistId);
        return inspections.save(new Inspection(InspectionKind.SELF, checklistId, actor.scope().unitId(), heldOn, null,
                Set.of(), actor.username(), clock.instant()));
    }

    /** A visit goes to units strictly below the visiting unit. */
    @Transactional
    Inspection startVisit(Actor actor, long checklistId, LocalDate heldOn, String team, List<Long> unitIds) {
        actor.requireSupervisor();
        checklists.get(actor, checklistId);
        Set<Long> visited = new LinkedHashSet<>();
        for (Long unitId : unitIds) {
            OrgUnit unit = units.get(actor.scope(), unitId);
            if (unit.getId() == actor.scope().unitId()) {
                throw new RuleViolationException("inspection.visit.ownUnit");
            }
            visited.add(unit.getId());
        }
        if (visited.isEmpty()) {
            throw new RuleViolationException("inspection.visit.noUnits");
        }
        return inspections.save(new Inspection(InspectionKind.VISIT, checklistId, actor.scope().unitId(), heldOn, team,
                visited, actor.username(), clock.instant()));
    }

    @Transactional
    InspectionAnswer answer(Actor actor, long id, long itemId, AnswerResult result, String statement) {
        Inspection inspection = editable(actor, id);
        checklists.item(actor, inspection.getChecklistId(), itemId);
        InspectionAnswer answer = answers.findByInspectionIdAndItemId(id, itemId)
                .orElseGet(() -> new InspectionAnswer(id, itemId));
        answer.answer(result, statement == null || statement.isBlank() ? null : statement.strip(), actor.username(),
                clock.instant());
        return answers.save(answer);
    }

    /** Several answers saved together, all or none; {@code answers} maps item ids to result and statement. */
    @Transactional
    int answerAll(Actor actor, long id, java.util.Map<Long, java.util.Map.Entry<AnswerResult, String>> answers) {
        answers.forEach((itemId, answer) -> answer(actor, id, itemId, answer.getKey(), answer.getValue()));
        return answers.size();
    }

    @Transactional
    AnswerEvidence addAttachment(Actor actor, long id, long itemId, MultipartFile file) {
        Inspection inspection = editable(actor, id);
        InspectionAnswer answer = existingAnswer(id, itemId);
        Attachment stored = attachments.store(inspection.getUnitId(), actor.username(), file);
        return answerEvidence.save(new AnswerEvidence(answer.getId(), stored.getId(), null, actor.username(),
                clock.instant()));
    }

    @Transactional
    AnswerEvidence addLedgerRecord(Actor actor, long id, long itemId, long ledgerRecordId) {
        editable(actor, id);
        InspectionAnswer answer = existingAnswer(id, itemId);
        ledgerLinks.check(actor.scope(), ledgerRecordId);
        return answerEvidence.save(new AnswerEvidence(answer.getId(), null, ledgerRecordId, actor.username(),
                clock.instant()));
    }

    Attachment answerAttachment(Actor actor, long id, long evidenceId) {
        get(actor, id);
        AnswerEvidence e = answerEvidence.findById(evidenceId).orElseThrow(() -> new NotFoundException("Evidence", evidenceId));
        InspectionAnswer answer = answers.findById(e.getAnswerId()).filter(a -> a.getInspectionId() == id)
                .orElseThrow(() -> new NotFoundException("Evidence", evidenceId));
        if (e.getAttachmentId() == null || answer.getId() == null) {
            throw new NotFoundException("Evidence", evidenceId);
        }
        return attachments.get(e.getAttachmentId());
    }

    /**
     * Closes a self-inspection: every item must be answered; each item short of "meets" becomes a
     * finding of the unit, owned by the given post, due by the given date.
     */
    @Transactional
    List<Finding> finishSelf(Actor actor, long id, long ownerPostId, LocalDate deadline, String summary, String team) {
        Inspection inspection = editable(actor, id);
        if (inspection.isVisit()) {
            throw new RuleViolationException("inspection.inspection.notSelf");
        }
        List<AnswerView> views = answers(actor, id);
        List<String> unanswered = views.stream().filter(v -> v.answer() == null).map(v -> v.item().getItemNo()).toList();
        if (!unanswered.isEmpty()) {
            // say which, so that the officer goes straight to them
            throw new RuleViolationException("inspection.self.unanswered", unanswered.size(), String.join("、", unanswered));
        }
        long proposed = views.stream().filter(v -> v.answer().isProposed()).count();
        if (proposed > 0) {
            throw new RuleViolationException("inspection.self.unconfirmed", proposed);
        }
        OrgUnit unit = units.getUnchecked(inspection.getUnitId());
        List<Finding> raised = new ArrayList<>();
        for (AnswerView v : views) {
            if (v.answer().getResult().unmet()) {
                raised.add(findings.create(actor.scope(), FindingSource.SELF_INSPECTION, v.item().getCategory(), unit,
                        unit.getId(), v.item().getItemNo() + " " + v.item().getTitle(), v.answer().getStatement(),
                        ownerPostId, deadline, actor.username(), id, v.item().getId(), null, null));
            }
        }
        inspection.finishSelf(blankToNull(summary), blankToNull(team), actor.username(), clock.instant());
        return raised;
    }

    /** A problem found on a visit, in one of the visited units (or below one). */
    @Transactional
    Finding recordVisitFinding(Actor actor, long id, long unitId, Long itemId, FindingCategory category, String title,
            String detail, long ownerPostId, LocalDate deadline) {
        Inspection visit = editable(actor, id);
        if (!visit.isVisit()) {
            throw new RuleViolationException("inspection.inspection.notVisit");
        }
        OrgUnit unit = units.get(actor.scope(), unitId);
        boolean visited = visit.getVisitedUnitIds().stream().map(units::getUnchecked).anyMatch(v -> v.contains(unit));
        if (!visited) {
            throw new RuleViolationException("inspection.visit.unitNotVisited", unit.getName());
        }
        FindingCategory effective = category;
        if (itemId != null) {
            ChecklistItem item = checklists.item(actor, visit.getChecklistId(), itemId);
            effective = category == null ? item.getCategory() : category;
        }
        return findings.create(actor.scope(), FindingSource.VISIT, effective, unit, visit.getUnitId(), title, detail,
                ownerPostId, deadline, actor.username(), id, itemId, null, null);
    }

    @Transactional
    Inspection finishVisit(Actor actor, long id, String summary) {
        Inspection visit = editable(actor, id);
        if (!visit.isVisit()) {
            throw new RuleViolationException("inspection.inspection.notVisit");
        }
        visit.finish(blankToNull(summary), actor.username(), clock.instant());
        return visit;
    }

    private InspectionAnswer existingAnswer(long id, long itemId) {
        return answers.findByInspectionIdAndItemId(id, itemId)
                .orElseThrow(() -> new RuleViolationException("inspection.answer.first"));
    }

    Inspection editable(Actor actor, long id) {
        Inspection inspection = get(actor, id);
        if (!mayChange(actor, inspection)) {
            throw new AccessDeniedException("inspection of another unit, or a role that may not change it");
        }
        if (!inspection.isDraft()) {
            throw new RuleViolationException("inspection.inspection.finished");
        }
        return inspection;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
