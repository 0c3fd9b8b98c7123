package org.luoshi.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.luoshi.org.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection module's entry points for start-up jobs (demo data, later imports), acting as a
 * given user: a data scope plus a role name (e.g. COUNTY_REVIEWER). The same rules apply as on the
 * pages: scope, role, state machine, no self re-check.
 */
@Service
@Transactional
public class Supervision {

    /** One checklist item: number, title, guidance, expected evidence, category (LEADERSHIP, STUDY, POSITION, OPINION, PUBLICITY, LEDGER, OTHER). */
    /** @param indicatorCode the assessment indicator that can propose the item's answer, or null */
    public record ItemSpec(String itemNo, String title, String guidance, String expectedEvidence, String category,
            String indicatorCode) {

        public ItemSpec(String itemNo, String title, String guidance, String expectedEvidence, String category) {
            this(itemNo, title, guidance, expectedEvidence, category, null);
        }
    }

    private final ChecklistService checklists;
    private final ChecklistRepository checklistRepository;
    private final InspectionService inspections;
    private final FindingService findings;

    Supervision(ChecklistService checklists, ChecklistRepository checklistRepository, InspectionService inspections,
            FindingService findings) {
        this.checklists = checklists;
        this.checklistRepository = checklistRepository;
        this.inspections = inspections;
        this.findings = findings;
    }

    @Transactional(readOnly = true)
    public boolean checklistExists(long ownerUnitId, String title) {
        return checklistRepository.existsByOwnerUnitIdAndTitle(ownerUnitId, title);
    }

    public long createChecklist(DataScope scope, String role, String title, String directiveRef, String description,
            List<ItemSpec> items) {
        return checklists.create(new Actor(scope, role), new ChecklistCommand(title, directiveRef, description),
                items.stream().map(i -> new ItemCommand(i.itemNo(), i.title(), i.guidance(), i.expectedEvidence(),
                        FindingCategory.valueOf(i.category()), i.indicatorCode())).toList()).getId();
    }

    public long startSelfInspection(DataScope scope, String role, long checklistId, LocalDate heldOn) {
        return inspections.startSelf(new Actor(scope, role), checklistId, heldOn).getId();
    }

    public long startVisit(DataScope scope, String role, long checklistId, LocalDate heldOn, String team,
            List<Long> unitIds) {
        return inspections.startVisit(new Actor(scope, role), checklistId, heldOn, team, unitIds).getId();
    }

    /** Answers the item with this number; result is MEETS, PARTLY or NOT_MET. */
    public void answer(DataScope scope, String role, long inspectionId, String itemNo, String result, String statement) {
        Actor actor = new Actor(scope, role);
        long itemId = itemId(actor, inspectionId, itemNo);
        inspections.answer(actor, inspectionId, itemId, AnswerResult.valueOf(result), statement);
    }

    /** Finishes a self-inspection; returns the ids of the findings raised. */
    public List<Long> finishSelfInspection(DataScope scope, String role, long inspectionId, long ownerPostId,
            LocalDate deadline, String summary, String team) {
        return inspections.finishSelf(new Actor(scope, role), inspectionId, ownerPostId, deadline, summary, team).stream()
                .map(Finding::getId).toList();
    }

    public long recordVisitFinding(DataScope scope, String role, long visitId, long unitId, String itemNo, String title,
            String detail, long ownerPostId, LocalDate deadline) {
        Actor actor = new Actor(scope, role);
        Long itemId = itemNo == null ? null : itemId(actor, visitId, itemNo);
        return inspections.recordVisitFinding(actor, visitId, unitId, itemId, null, title, detail, ownerPostId, deadline)
                .getId();
    }

    public void finishVisit(DataScope scope, String role, long visitId, String summary) {
        inspections.finishVisit(new Actor(scope, role), visitId, summary);
    }

    public void planRectification(DataScope scope, String role, long findingId, String measures) {
        Actor actor = new Actor(scope, role);
        Finding f = findings.get(actor, findingId);
        findings.plan(actor, findingId, f.getOwnerPostId(), f.getDeadline(), measures, null, null);
    }

    public void startRectification(DataScope scope, String role, long findingId, String note) {
        findings.start(new Actor(scope, role), findingId, note);
    }

    public void addProgressNote(DataScope scope, String role, long findingId, String note) {
        findings.note(new Actor(scope, role), findingId, note);
    }

    public void addEvidence(DataScope scope, String role, long findingId, String fileName, byte[] content) {
        try {
            findings.addAttachment(new Actor(scope, role), findingId, fileName, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void linkLedgerRecord(DataScope scope, String role, long findingId, long ledgerRecordId) {
        findings.addLedgerRecord(new Actor(scope, role), findingId, ledgerRecordId);
    }

    public void submitRectification(DataScope scope, String role, long findingId, String note) {
        findings.submit(new Actor(scope, role), findingId, note);
    }

    public void recheck(DataScope scope, String role, long findingId, boolean passed, String reason) {
        findings.recheck(new Actor(scope, role), findingId, passed, reason);
    }

    /** The state of a finding (OPEN, IN_PROGRESS, SUBMITTED, PASSED), if it is in scope. */
    @Transactional(readOnly = true)
    public Optional<String> state(DataScope scope, String role, long findingId) {
        return Optional.of(findings.get(new Actor(scope, role), findingId).getState().name());
    }

    private long itemId(Actor actor, long inspectionId, String itemNo) {
        Inspection inspection = inspections.get(actor, inspectionId);
        return checklists.items(actor, inspection.getChecklistId()).stream()
                .filter(i -> i.getItemNo().equals(itemNo)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + itemNo)).getId();
    }
}
