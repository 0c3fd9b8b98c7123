package org.luoshi.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finished self-inspections (自查) as other modules read them: the 自查报告 is written from one,
 * item by item, with the problems it found and their rectification. Read-only; the unit must lie
 * in the caller's scope (404 otherwise).
 */
@Service
@Transactional(readOnly = true)
public class SelfInspections {

    private final InspectionService inspections;
    private final InspectionRepository repository;
    private final ChecklistService checklists;
    private final FindingService findings;
    private final ChecklistRepository checklistRepository;
    private final InspectionAnswerRepository answers;
    private final java.time.Clock clock;

    SelfInspections(InspectionService inspections, InspectionRepository repository, ChecklistService checklists,
            FindingService findings, ChecklistRepository checklistRepository, InspectionAnswerRepository answers,
            java.time.Clock clock) {
        this.checklistRepository = checklistRepository;
        this.answers = answers;
        this.clock = clock;
        this.inspections = inspections;
        this.repository = repository;
        this.checklists = checklists;
        this.findings = findings;
    }

    /**
     * One finished self-inspection.
     *
     * @param directiveRef the directive the checklist answers, as its author wrote it (may be empty)
     * @param team who led it and who took part, as the officer recorded when finishing it, or null
     * @param summary what the officer wrote when finishing it, or null
     */
    public record Record(long id, long unitId, LocalDate heldOn, String checklistTitle, String directiveRef,
            String team, LocalDate finishedOn, String summary, List<Item> items,
            List<FindingSummary> findings) {

        public long count(String result) {
            return items.stream().filter(i -> i.result().equals(result)).count();
        }
    }

    /**
     * A checklist item with its conclusion.
     *
     * @param result MEETS (符合), PARTLY (基本符合) or NOT_MET (不符合)
     * @param ledgerRecordIds the ledger records given as evidence
     * @param files the names of files given as evidence
     */
    public record Item(String number, String title, String result, String statement, List<Long> ledgerRecordIds,
            List<String> files) {
    }

    /**
     * A finished self-inspection as a list names it, without its answers and findings.
     *
     * @param items how many checklist items it answered
     */
    public record Listing(long id, long unitId, LocalDate heldOn, String checklistTitle, String directiveRef, long items) {
    }

    /**
     * The finished self-inspections of the units in scope held in those years, newest first: a few
     * queries for all of them, where {@link #finished} reads each one whole.
     */
    public List<Listing> listed(DataScope scope, Collection<OrgUnit> units, int fromYear, int toYear) {
        List<Long> visible = units.stream().filter(scope::covers).map(OrgUnit::getId).toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        List<Inspection> found = repository.findByKindAndStatusAndUnitIdInAndHeldOnBetweenOrderByHeldOnDescIdDesc(
                InspectionKind.SELF, Inspection.Status.FINISHED, visible, LocalDate.of(fromYear, 1, 1),
                LocalDate.of(toYear, 12, 31));
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, Checklist> lists = checklistRepository.findAllById(found.stream().map(Inspection::getChecklistId)
                .distinct().toList()).stream().collect(Collectors.toMap(Checklist::getId, c -> c));
        Map<Long, Long> answered = new HashMap<>();
        answers.countByInspection(found.stream().map(Inspection::getId).toList())
                .forEach(row -> answered.put((Long) row[0], (Long) row[1]));
        return found.stream().map(i -> {
            Checklist c = lists.get(i.getChecklistId());
            return new Listing(i.getId(), i.getUnitId(), i.getHeldOn(), c.getTitle(),
                    c.getDirectiveRef() == null ? "" : c.getDirectiveRef(), answered.getOrDefault(i.getId(), 0L));
        }).toList();
    }

    /** The unit's finished self-inspections held in the year, newest first. */
    public List<Record> finished(DataScope scope, long unitId, int year) {
        Actor reader = new Actor(scope, "");
        return repository.findByKindAndUnitIdAndHeldOnBetweenOrderByHeldOnDescIdDesc(InspectionKind.SELF, unitId,
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .filter(i -> !i.isDraft())
                .map(i -> record(reader, inspections.get(reader, i.getId())))
                .toList();
    }

    /** A finished self-inspection by id (404 for a draft, a visit, or one outside the scope). */
    public Record get(DataScope scope, long id) {
        Actor reader = new Actor(scope, "");
        Inspection inspection = inspections.get(reader, id);
        if (inspection.isDraft() || inspection.isVisit()) {
            throw new org.luoshi.web.NotFoundException("Inspection", id);
        }
        return record(reader, inspection);
    }

    private Record record(Actor reader, Inspection inspection) {
        Checklist checklist = checklists.get(reader, inspection.getChecklistId());
        List<Item> items = inspections.answers(reader, inspection.getId()).stream()
                .filter(v -> v.answer() != null)
                .map(v -> new Item(v.item().getItemNo(), v.item().getTitle(), v.answer().getResult().name(),
                        v.answer().getStatement(),
                        v.evidence().stream().map(EvidenceView::ledgerRecordId).filter(java.util.Objects::nonNull).toList(),
                        v.evidence().stream().filter(e -> e.attachment() != null).map(e -> e.attachment().getFileName())
                                .toList()))
                .toList();
        LocalDate held = inspection.getHeldOn();
        List<FindingSummary> raised = findings.summaries(reader.scope(), inspection.getUnitId(), held,
                        LocalDate.of(9999, 1, 1)).stream()
                .filter(f -> f.inspectionId() != null && f.inspectionId() == inspection.getId().longValue()).toList();
        return new Record(inspection.getId(), inspection.getUnitId(), held, checklist.getTitle(),
                checklist.getDirectiveRef() == null ? "" : checklist.getDirectiveRef(), inspection.getTeam(),
                LocalDate.ofInstant(inspection.getFinishedAt(), clock.getZone()), inspection.getSummary(), items, raised);
    }
}
