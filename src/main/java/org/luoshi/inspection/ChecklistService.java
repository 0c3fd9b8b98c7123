package org.luoshi.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.StaleEditException;
import org.luoshi.web.UploadException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checklists: written by a supervising unit for the units below it, visible to that unit's subtree
 * and to the levels above it, edited only by supervisors whose scope covers the owning unit.
 */
@Service
@Transactional(readOnly = true)
class ChecklistService {

    private final ChecklistRepository checklists;
    private final ChecklistItemRepository items;
    private final InspectionAnswerRepository answers;
    private final OrgUnitService units;
    private final ChecklistXlsx xlsx;
    private final Clock clock;

    ChecklistService(ChecklistRepository checklists, ChecklistItemRepository items,
            InspectionAnswerRepository answers, OrgUnitService units, ChecklistXlsx xlsx, Clock clock) {
        this.checklists = checklists;
        this.items = items;
        this.answers = answers;
        this.units = units;
        this.xlsx = xlsx;
        this.clock = clock;
    }

    List<Checklist> list(Actor actor) {
        return checklists.findVisible(units.unitIds(actor.scope().unitPath(), true));
    }

    Checklist get(Actor actor, long id) {
        Checklist checklist = checklists.findById(id).orElseThrow(() -> new NotFoundException("Checklist", id));
        OrgUnit owner = units.getUnchecked(checklist.getOwnerUnitId());
        if (!actor.scope().covers(owner) && !actor.scope().unitPath().startsWith(owner.getPath())) {
            throw new NotFoundException("Checklist", id);
        }
        return checklist;
    }

    List<ChecklistItem> items(Actor actor, long checklistId) {
        get(actor, checklistId);
        return items.findByChecklistIdOrderBySortOrderAscIdAsc(checklistId);
    }

    ChecklistItem item(Actor actor, long checklistId, long itemId) {
        ChecklistItem item = items.findById(itemId).filter(i -> i.getChecklistId() == checklistId)
                .orElseThrow(() -> new NotFoundException("ChecklistItem", itemId));
        get(actor, checklistId);
        return item;
    }

    boolean mayEdit(Actor actor, Checklist checklist) {
        // the county reviewer edits the county's checklists, not a township's it can read
        return actor.supervises() && actor.owns(units.getUnchecked(checklist.getOwnerUnitId()));
    }

    @Transactional
    Checklist create(Actor actor, ChecklistCommand command, List<ItemCommand> initialItems) {
        Instant now = clock.instant();
        actor.requireSupervisor();
        if (checklists.existsByOwnerUnitIdAndTitle(actor.scope().unitId(), command.title())) {
            throw new RuleViolationException("inspection.checklist.duplicateTitle", command.title());
        }
        Checklist checklist = new Checklist(actor.scope().unitId(), actor.username(), now);
        checklist.describe(command.title(), command.directiveRef(), command.description(), now);
        checklists.save(checklist);
        int order = 0;
        for (ItemCommand c : initialItems) {
            ChecklistItem item = new ChecklistItem(checklist.getId(), ++order);
            item.describe(c);
            items.save(item);
        }
        return checklist;
    }

    @Transactional
    Checklist update(Actor actor, long id, ChecklistCommand command, Long expectedVersion) {
        Checklist checklist = editable(actor, id);
        StaleEditException.check(expectedVersion, checklist.getVersion(), () -> "标题“" + checklist.getTitle() + "”");
        checklist.describe(command.title(), command.directiveRef(), command.description(), clock.instant());
        return checklist;
    }

    @Transactional
    ChecklistItem addItem(Actor actor, long checklistId, ItemCommand command) {
        editable(actor, checklistId);
        if (items.existsByChecklistIdAndItemNoAndIdNot(checklistId, command.itemNo(), -1L)) {
            throw new RuleViolationException("inspection.item.duplicateNo", command.itemNo());
        }
        ChecklistItem item = new ChecklistItem(checklistId, (int) items.countByChecklistId(checklistId) + 1);
        item.describe(command);
        return items.save(item);
    }

    @Transactional
    ChecklistItem updateItem(Actor actor, long checklistId, long itemId, ItemCommand command, Long expectedVersion) {
        editable(actor, checklistId);
        ChecklistItem item = item(actor, checklistId, itemId);
        StaleEditException.check(expectedVersion, item.getVersion(),
                () -> "序号 " + item.getItemNo() + "，内容“" + item.getTitle() + "”");
        if (items.existsByChecklistIdAndItemNoAndIdNot(checklistId, command.itemNo(), itemId)) {
            throw new RuleViolationException("inspection.item.duplicateNo", command.itemNo());
        }
        item.describe(command);
        return item;
    }

    /** An item already answered in an inspection stays, so that the answers keep their question. */
    @Transactional
    void deleteItem(Actor actor, long checklistId, long itemId) {
        editable(actor, checklistId);
        ChecklistItem item = item(actor, checklistId, itemId);
        if (answers.existsByItemId(itemId)) {
            throw new RuleViolationException("inspection.item.inUse", item.getItemNo());
        }
        items.delete(item);
    }

    /** A new checklist from an .xlsx file; nothing is saved unless every row is valid. */
    @Transactional
    Checklist importXlsx(Actor actor, ChecklistCommand command, InputStream upload) throws IOException {
        actor.requireSupervisor();
        // On disk first, so that the file checks and the reader never hold the whole upload in memory.
        Path file;
        try {
            file = Files.createTempFile("luoshi-checklist-", ".xlsx");
        } catch (IOException e) {
            throw UploadException.storage(e);
        }
        try {
            try (InputStream in = upload) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // The upload is a request body already received: what fails here is the temporary disk.
                throw UploadException.storage(e);
            }
            List<ItemCommand> rows = xlsx.read(file);
            return create(actor, command, rows);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    void export(Actor actor, long id, OutputStream out) throws IOException {
        Checklist checklist = get(actor, id);
        xlsx.write(checklist.getTitle(), items.findByChecklistIdOrderBySortOrderAscIdAsc(id), out);
    }

    private Checklist editable(Actor actor, long id) {
        Checklist checklist = get(actor, id);
        if (!mayEdit(actor, checklist)) {
            throw new AccessDeniedException("checklist of another unit");
        }
        return checklist;
    }
}
