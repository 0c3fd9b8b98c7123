package org.luoshi.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import jakarta.validation.groups.Default;
import org.luoshi.inspection.Forms.AnswerForm;
import org.luoshi.inspection.Forms.ChecklistForm;
import org.luoshi.inspection.Forms.FinishSelfForm;
import org.luoshi.inspection.Forms.FollowUpForm;
import org.luoshi.inspection.Forms.ItemForm;
import org.luoshi.inspection.Forms.LedgerLinkForm;
import org.luoshi.inspection.Forms.NoteForm;
import org.luoshi.inspection.Forms.PlanForm;
import org.luoshi.inspection.Forms.RecheckForm;
import org.luoshi.inspection.Forms.VisitFindingForm;
import org.luoshi.inspection.Forms.VisitForm;
import org.luoshi.inspection.InspectionApi.AnswerResponse;
import org.luoshi.inspection.InspectionApi.ChecklistResponse;
import org.luoshi.inspection.InspectionApi.ChecklistSummary;
import org.luoshi.inspection.InspectionApi.EvidenceResponse;
import org.luoshi.inspection.InspectionApi.EventResponse;
import org.luoshi.inspection.InspectionApi.FindingDetail;
import org.luoshi.inspection.InspectionApi.FindingResponse;
import org.luoshi.inspection.InspectionApi.InspectionResponse;
import org.luoshi.inspection.InspectionApi.InspectionSummary;
import org.luoshi.inspection.InspectionApi.ItemResponse;
import org.luoshi.inspection.InspectionApi.KeysetResponse;
import org.luoshi.inspection.InspectionApi.PageResponse;
import org.luoshi.org.DataScope;
import org.luoshi.web.ApiController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BindException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/** REST API of checklists, inspections (self and visits), findings and rectification transitions. */
@ApiController("/api/v1/inspection")
class InspectionApiController {

    private final ChecklistService checklists;
    private final InspectionService inspections;
    private final FindingService findings;
    private final OverdueRule rule;
    private final MessageSource messages;

    private final AssessmentPrefill prefill;
    private final SystemFindings systemFindings;

    InspectionApiController(ChecklistService checklists, InspectionService inspections, FindingService findings,
            OverdueRule rule, MessageSource messages, AssessmentPrefill prefill, SystemFindings systemFindings) {
        this.prefill = prefill;
        this.systemFindings = systemFindings;
        this.checklists = checklists;
        this.inspections = inspections;
        this.findings = findings;
        this.rule = rule;
        this.messages = messages;
    }

    // ---- checklists

    @Tag(name = "inspection-checklists")
    @Operation(summary = "Checklists visible to the caller: their subtree's and those of the levels above")
    @GetMapping("/checklists")
    List<ChecklistSummary> checklists(DataScope scope, Authentication auth) {
        return checklists.list(Actor.of(scope, auth)).stream().map(ChecklistSummary::of).toList();
    }

    @Tag(name = "inspection-checklists")
    @Operation(summary = "One checklist with its items")
    @GetMapping("/checklists/{id}")
    ChecklistResponse checklist(DataScope scope, Authentication auth, @PathVariable long id) {
        return checklistResponse(Actor.of(scope, auth), id);
    }

    @Tag(name = "inspection-checklists")
    @Operation(summary = "Creates a checklist of the caller's unit (supervising roles)")
    @PostMapping("/checklists")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    ResponseEntity<ChecklistResponse> createChecklist(DataScope scope, Authentication auth,
            @Valid @RequestBody ChecklistForm form) {
        Actor actor = Actor.of(scope, auth);
        Checklist created = checklists.create(actor, form.toCommand(), List.of());
        return createdChecklist(actor, created);
    }

    @Tag(name = "inspection-checklists")
    @Operation(summary = "Imports a checklist from .xlsx; refused as a whole (400, errors per row) if any row is bad")
    @PostMapping(path = "/checklists/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ChecklistController.SUPERVISORS)
    ResponseEntity<ChecklistResponse> importChecklist(DataScope scope, Authentication auth,
            @RequestParam String title, @RequestParam(required = false) String directiveRef,
            @RequestPart("file") MultipartFile file) throws IOException {
        Actor actor = Actor.of(scope, auth);
        if (title == null || title.isBlank()) {
            throw new ChecklistImportException(List.of(messages.getMessage("inspection.checklist.title.required", null,
                    LocaleContextHolder.getLocale())));
        }
        Checklist created = checklists.importXlsx(actor,
                new ChecklistCommand(title.strip(), Forms.blank(directiveRef), null), file.getInputStream());
        return createdChecklist(actor, created);
    }

    @Tag(name = "inspection-checklists")
    @Operation(summary = "Exports a checklist as .xlsx, in the columns the import reads")
    @GetMapping("/checklists/{id}/export.xlsx")
    void exportChecklist(DataScope scope, Authentication auth, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        Actor actor = Actor.of(scope, auth);
        // look it up first: once the content type is a spreadsheet, a 404 problem could not be written (500)
        checklists.get(actor, id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        checklists.export(actor, id, response.getOutputStream());
    }

    @Tag(name = "inspection-checklists")
    @Operation(summary = "Adds an item to a checklist")
    @PostMapping("/checklists/{id}/items")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    ResponseEntity<ItemResponse> addItem(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @RequestBody ItemForm form) {
        ChecklistItem item = checklists.addItem(Actor.of(scope, auth), id, form.toCommand());
        return ResponseEntity.status(HttpStatus.CREATED).body(ItemResponse.of(item));
    }

    @Tag(name = "inspection-checklists")
    @Operation(summary = "Changes an item")
    @PutMapping("/checklists/{id}/items/{itemId}")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    ItemResponse updateItem(DataScope scope, Authentication auth, @PathVariable long id, @PathVariable long itemId,
            @Valid @RequestBody ItemForm form) {
        return ItemResponse.of(checklists.updateItem(Actor.of(scope, auth), id, itemId, form.toCommand(),
                form.getVersion()));
    }

    @Tag(name = "inspection-checklists")
    @Operation(summary = "Deletes an item not yet answered in any inspection")
    @DeleteMapping("/checklists/{id}/items/{itemId}")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    ResponseEntity<Void> deleteItem(DataScope scope, Authentication auth, @PathVariable long id,
            @PathVariable long itemId) {
        checklists.deleteItem(Actor.of(scope, auth), id, itemId);
        return ResponseEntity.noContent().build();
    }

    // ---- inspections

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Self-inspections (kind=SELF) or visits (kind=VISIT) visible to the caller")
    @GetMapping("/inspections")
    PageResponse<InspectionSummary> inspections(DataScope scope, Authentication auth,
            @RequestParam(defaultValue = "SELF") InspectionKind kind, @RequestParam(defaultValue = "0") int page) {
        return page(inspections.list(Actor.of(scope, auth), kind, page).map(InspectionSummary::of));
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "One inspection with every item's answer and the findings raised")
    @GetMapping("/inspections/{id}")
    InspectionResponse inspection(DataScope scope, Authentication auth, @PathVariable long id) {
        return inspectionResponse(Actor.of(scope, auth), id);
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Starts a self-inspection of the caller's unit against a checklist")
    @PostMapping("/checklists/{checklistId}/self-inspections")
    @PreAuthorize(InspectionController.WRITERS)
    ResponseEntity<InspectionResponse> startSelf(DataScope scope, Authentication auth, @PathVariable long checklistId,
            @RequestParam(required = false) java.time.LocalDate heldOn) {
        Actor actor = Actor.of(scope, auth);
        Inspection started = inspections.startSelf(actor, checklistId, heldOn == null ? rule.today() : heldOn);
        return ResponseEntity.status(HttpStatus.CREATED).body(inspectionResponse(actor, started.getId()));
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Starts a supervision visit to units below the caller's (supervising roles)")
    @PostMapping("/visits")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    ResponseEntity<InspectionResponse> startVisit(DataScope scope, Authentication auth, @Valid @RequestBody VisitForm form) {
        Actor actor = Actor.of(scope, auth);
        Inspection visit = inspections.startVisit(actor, form.getChecklistId(), form.getHeldOn(),
                Forms.blank(form.getTeam()), form.getUnitIds());
        return ResponseEntity.status(HttpStatus.CREATED).body(inspectionResponse(actor, visit.getId()));
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Answers one item (self-inspection) or records its result (visit)")
    @PutMapping("/inspections/{id}/items/{itemId}")
    AnswerResponse answer(DataScope scope, Authentication auth, @PathVariable long id, @PathVariable long itemId,
            @Valid @RequestBody AnswerForm form) {
        return answerAct(scope, auth, id, itemId,
                actor -> inspections.answer(actor, id, itemId, form.getResult(), form.getStatement()));
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Links a ledger record as evidence of an answer")
    @PostMapping("/inspections/{id}/items/{itemId}/ledger-records")
    AnswerResponse answerLedgerRecord(DataScope scope, Authentication auth, @PathVariable long id,
            @PathVariable long itemId, @Valid @RequestBody LedgerLinkForm form) {
        return answerAct(scope, auth, id, itemId,
                actor -> inspections.addLedgerRecord(actor, id, itemId, form.getLedgerRecordId()));
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Uploads an evidence file for an answer")
    @PostMapping(path = "/inspections/{id}/items/{itemId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AnswerResponse answerEvidence(DataScope scope, Authentication auth, @PathVariable long id,
            @PathVariable long itemId, @RequestPart("file") MultipartFile file) {
        return answerAct(scope, auth, id, itemId, actor -> inspections.addAttachment(actor, id, itemId, file));
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Proposes the answers of indicator-linked items from the township's assessment "
            + "(MET → MEETS, PENDING/WARNING → PARTLY, FAILED → NOT_MET) with figures and ledger records; "
            + "answers the unit gave itself are kept, proposals stay marked until answered")
    @PostMapping("/inspections/{id}/prefill")
    @PreAuthorize(InspectionController.WRITERS)
    PrefillResponse prefill(DataScope scope, Authentication auth, @PathVariable long id) {
        Actor actor = Actor.of(scope, auth);
        AssessmentPrefill.Result result = prefill.prefill(actor, id);
        return new PrefillResponse(result.proposed(), result.kept(), result.unknownCodes(), inspectionResponse(actor, id));
    }

    record PrefillResponse(int proposed, int kept, List<String> unknownIndicatorCodes, InspectionResponse inspection) {
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Finishes a self-inspection; every unmet item becomes a finding")
    @PostMapping("/inspections/{id}/finish-self")
    @PreAuthorize(InspectionController.WRITERS)
    InspectionResponse finishSelf(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @RequestBody FinishSelfForm form) throws BindException {
        rule.requireDeadline(form, form.getDeadline(), null);
        Actor actor = Actor.of(scope, auth);
        inspections.finishSelf(actor, id, form.getOwnerPostId(), form.getDeadline(), form.getSummary(), form.getTeam());
        return inspectionResponse(actor, id);
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Records a finding of a visit in one of the visited units")
    @PostMapping("/inspections/{id}/findings")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    ResponseEntity<FindingResponse> visitFinding(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @RequestBody VisitFindingForm form) throws BindException {
        rule.requireDeadline(form, form.getDeadline(), null);
        Actor actor = Actor.of(scope, auth);
        Finding f = inspections.recordVisitFinding(actor, id, form.getUnitId(), form.getItemId(), form.getCategory(),
                form.getTitle().strip(), Forms.blank(form.getDetail()), form.getOwnerPostId(), form.getDeadline());
        return ResponseEntity.created(URI.create("/api/v1/inspection/findings/" + f.getId()))
                .body(FindingResponse.of(findings.row(actor, f.getId())));
    }

    @Tag(name = "inspection-inspections")
    @Operation(summary = "Finishes a visit")
    @PostMapping("/inspections/{id}/finish-visit")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    InspectionResponse finishVisit(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @RequestBody NoteForm form) {
        Actor actor = Actor.of(scope, auth);
        inspections.finishVisit(actor, id, form.getNote());
        return inspectionResponse(actor, id);
    }

    // ---- findings and rectification

    @Tag(name = "inspection-findings")
    @Operation(summary = "Findings in the caller's scope, filtered by source, category, state, overdue and unit; "
            + "keyset pages by deadline and id: pass the response's next as after")
    @GetMapping("/findings")
    KeysetResponse<FindingResponse> findings(DataScope scope, Authentication auth,
            @RequestParam(required = false) FindingSource source, @RequestParam(required = false) FindingCategory category,
            @RequestParam(required = false) RectificationState state, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "20") int size) {
        FindingPage page = findings.search(Actor.of(scope, auth), new FindingFilter(source, category, state, overdue, unitId),
                after, size);
        return new KeysetResponse<>(page.rows().stream().map(FindingResponse::of).toList(), page.rows().size(), page.next());
    }

    @Tag(name = "inspection-findings")
    @Operation(summary = "Raises findings from red indicator periods and faulty venue checks, and sends the yellow/red "
            + "indicator warnings, for the townships in the caller's scope; each origin only once")
    @PostMapping("/findings/generate")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    SystemFindings.Outcome generate(DataScope scope, Authentication auth) {
        return systemFindings.runFor(Actor.of(scope, auth));
    }

    @Tag(name = "inspection-findings")
    @Operation(summary = "Counts (open, overdue, near, awaiting re-check) and rectification rates per unit below the caller")
    @GetMapping("/overview")
    Overview overview(DataScope scope, Authentication auth) {
        Actor actor = Actor.of(scope, auth);
        return new Overview(findings.counts(actor), findings.rates(actor).stream()
                .map(r -> new Rate(r.unitId(), r.unitName(), r.total(), r.passed(), r.open(), r.overdue(), r.ratePercent()))
                .toList());
    }

    record Overview(FindingCounts counts, List<Rate> rates) {
    }

    record Rate(long unitId, String unitName, long total, long passed, long open, long overdue, Integer ratePercent) {
    }

    @Tag(name = "inspection-findings")
    @Operation(summary = "One finding with its evidence and the timeline of its rectification")
    @GetMapping("/findings/{id}")
    FindingDetail finding(DataScope scope, Authentication auth, @PathVariable long id) {
        return detail(Actor.of(scope, auth), id);
    }

    @Tag(name = "inspection-rectification")
    @Operation(summary = "Changes owner post, deadline and measures (a moved deadline needs a reason)")
    @PutMapping("/findings/{id}/plan")
    @PreAuthorize(InspectionController.WRITERS)
    FindingDetail plan(DataScope scope, Authentication auth, @PathVariable long id, @Valid @RequestBody PlanForm form)
            throws BindException {
        rule.requireDeadline(form, form.getDeadline(), findings.get(Actor.of(scope, auth), id).getDeadline());
        return act(scope, auth, id,
                actor -> findings.plan(actor, id, form.getOwnerPostId(), form.getDeadline(), form.getMeasures(),
                        form.getReason(), form.getVersion()));
    }

    @Tag(name = "inspection-rectification")
    @Operation(summary = "OPEN → IN_PROGRESS")
    @PostMapping("/findings/{id}/start")
    @PreAuthorize(InspectionController.WRITERS)
    FindingDetail start(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @RequestBody(required = false) NoteForm form) {
        return act(scope, auth, id, actor -> findings.start(actor, id, form == null ? null : form.getNote()));
    }

    @Tag(name = "inspection-rectification")
    @Operation(summary = "Adds a progress note")
    @PostMapping("/findings/{id}/notes")
    @PreAuthorize(InspectionController.WRITERS)
    FindingDetail note(DataScope scope, Authentication auth, @PathVariable long id,
            @Validated({Default.class, NoteForm.Required.class}) @RequestBody NoteForm form) {
        return act(scope, auth, id, actor -> findings.note(actor, id, form.getNote()));
    }

    @Tag(name = "inspection-rectification")
    @Operation(summary = "Uploads an evidence file (photo, PDF, Office document)")
    @PostMapping(path = "/findings/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(InspectionController.WRITERS)
    ResponseEntity<EvidenceResponse> evidence(DataScope scope, Authentication auth, @PathVariable long id,
            @RequestPart("file") MultipartFile file) {
        Actor actor = Actor.of(scope, auth);
        Evidence e = findings.addAttachment(actor, id, file);
        return ResponseEntity.status(HttpStatus.CREATED).body(findings.evidence(actor, id).stream()
                .filter(v -> v.id().equals(e.getId())).map(EvidenceResponse::of).findFirst().orElseThrow());
    }

    @Tag(name = "inspection-rectification")
    @Operation(summary = "Links a ledger record as evidence (it must exist, be live and lie in the caller's scope)")
    @PostMapping("/findings/{id}/ledger-records")
    @PreAuthorize(InspectionController.WRITERS)
    FindingDetail ledgerRecord(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @RequestBody LedgerLinkForm form) {
        return act(scope, auth, id, actor -> findings.addLedgerRecord(actor, id, form.getLedgerRecordId()));
    }

    @Tag(name = "inspection-rectification")
    @Operation(summary = "IN_PROGRESS → SUBMITTED (needs measures and evidence)")
    @PostMapping("/findings/{id}/submit")
    @PreAuthorize(InspectionController.WRITERS)
    FindingDetail submit(DataScope scope, Authentication auth, @PathVariable long id,
            @Validated({Default.class, NoteForm.Required.class}) @RequestBody NoteForm form) {
        return act(scope, auth, id, actor -> findings.submit(actor, id, form.getNote()));
    }

    @Tag(name = "inspection-rectification")
    @Operation(summary = "Re-check by the upper level, never by the submitter: SUBMITTED → PASSED (locked) or back to IN_PROGRESS")
    @PostMapping("/findings/{id}/recheck")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    FindingDetail recheck(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @RequestBody RecheckForm form) {
        return act(scope, auth, id, actor -> findings.recheck(actor, id, form.getPassed(), form.getReason()));
    }

    /** Every rectification action: run it as the signed-in actor, answer with the task as it now stands. */
    private FindingDetail act(DataScope scope, Authentication auth, long id, Consumer<Actor> action) {
        Actor actor = Actor.of(scope, auth);
        action.accept(actor);
        return detail(actor, id);
    }

    @Tag(name = "inspection-rectification")
    @Operation(summary = "Raises a new finding that refers to a locked one")
    @PostMapping("/findings/{id}/follow-up")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    ResponseEntity<FindingDetail> followUp(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @RequestBody FollowUpForm form) throws BindException {
        rule.requireDeadline(form, form.getDeadline(), null);
        Actor actor = Actor.of(scope, auth);
        Finding created = findings.followUp(actor, id, form.getTitle().strip(), Forms.blank(form.getDetail()),
                form.getDeadline());
        return ResponseEntity.created(URI.create("/api/v1/inspection/findings/" + created.getId()))
                .body(detail(actor, created.getId()));
    }

    @ExceptionHandler(ChecklistImportException.class)
    ProblemDetail importRefused(ChecklistImportException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("inspection.import.refused", null, LocaleContextHolder.getLocale()));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", e.errors());
        return problem;
    }

    /** Every answer action: run it as the signed-in actor, answer with the item's answer as it now stands. */
    private AnswerResponse answerAct(DataScope scope, Authentication auth, long id, long itemId,
            Consumer<Actor> action) {
        Actor actor = Actor.of(scope, auth);
        action.accept(actor);
        return inspections.answers(actor, id).stream().filter(v -> v.item().getId() == itemId)
                .map(AnswerResponse::of).findFirst().orElseThrow();
    }

    private ResponseEntity<ChecklistResponse> createdChecklist(Actor actor, Checklist created) {
        return ResponseEntity.created(URI.create("/api/v1/inspection/checklists/" + created.getId()))
                .body(checklistResponse(actor, created.getId()));
    }

    private FindingDetail detail(Actor actor, long id) {
        return new FindingDetail(FindingResponse.of(findings.row(actor, id)),
                findings.evidence(actor, id).stream().map(EvidenceResponse::of).toList(),
                findings.timeline(actor, id).stream().map(EventResponse::of).toList());
    }

    private ChecklistResponse checklistResponse(Actor actor, long id) {
        Checklist c = checklists.get(actor, id);
        return new ChecklistResponse(c.getId(), c.getOwnerUnitId(), c.getTitle(), c.getDirectiveRef(), c.getDescription(),
                checklists.items(actor, id).stream().map(ItemResponse::of).toList(), c.getVersion());
    }

    private InspectionResponse inspectionResponse(Actor actor, long id) {
        return new InspectionResponse(InspectionSummary.of(inspections.get(actor, id)),
                inspections.answers(actor, id).stream().map(AnswerResponse::of).toList(),
                findings.ofInspection(actor, id).stream().map(FindingResponse::of).toList());
    }

    private static <T> PageResponse<T> page(Page<T> page) {
        return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}
