package org.luoshi.inspection;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.function.Function;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.inspection.Forms.FinishSelfForm;
import org.luoshi.inspection.Forms.NoteForm;
import org.luoshi.inspection.Forms.VisitFindingForm;
import org.luoshi.inspection.Forms.VisitForm;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.time.Times;
import org.luoshi.web.FormSubmission;
import org.luoshi.web.UploadException;
import org.luoshi.web.XlsxTable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Self-inspection (自查) and supervision visit (督导检查) pages. */
@Controller
@RequestMapping("/inspection")
class InspectionController {

    static final String WRITERS = "hasAuthority('records:write')";

    private final InspectionService inspections;
    private final ChecklistService checklists;
    private final FindingService findings;
    private final OrgUnitService units;
    private final AttachmentService attachments;
    private final OverdueRule rule;
    private final MessageSource messages;
    private final AssessmentPrefill prefill;
    private final Times times;
    private final FormSubmission forms;

    InspectionController(InspectionService inspections, ChecklistService checklists, FindingService findings,
            OrgUnitService units, AttachmentService attachments, OverdueRule rule, MessageSource messages,
            AssessmentPrefill prefill, Times times, FormSubmission forms) {
        this.forms = forms;
        this.times = times;
        this.prefill = prefill;
        this.inspections = inspections;
        this.checklists = checklists;
        this.findings = findings;
        this.units = units;
        this.attachments = attachments;
        this.rule = rule;
        this.messages = messages;
    }

    @GetMapping("/self-inspections")
    String selfInspections(DataScope scope, Authentication auth, @RequestParam(defaultValue = "0") int page, Model model) {
        return list(Actor.of(scope, auth), InspectionKind.SELF, page, model);
    }

    @GetMapping("/visits")
    String visits(DataScope scope, Authentication auth, @RequestParam(defaultValue = "0") int page, Model model) {
        return list(Actor.of(scope, auth), InspectionKind.VISIT, page, model);
    }

    @GetMapping("/self-inspections/export")
    void exportSelfInspections(DataScope scope, Authentication auth, HttpServletResponse response) throws IOException {
        export(Actor.of(scope, auth), InspectionKind.SELF, response);
    }

    @GetMapping("/visits/export")
    void exportVisits(DataScope scope, Authentication auth, HttpServletResponse response) throws IOException {
        export(Actor.of(scope, auth), InspectionKind.VISIT, response);
    }

    /** The list of self-inspections or visits as .xlsx, read page by page as the list pages it. */
    private void export(Actor actor, InspectionKind kind, HttpServletResponse response) throws IOException {
        UnitNames unitNames = new UnitNames(units);
        boolean visit = kind == InspectionKind.VISIT;
        XlsxTable table = visit
                ? XlsxTable.start(response, messages, times.today(), "inspection.kind.VISIT.list", "inspection.inspection.heldOn",
                        "inspection.inspection.unit", "inspection.visit.units", "inspection.inspection.status")
                : XlsxTable.start(response, messages, times.today(), "inspection.kind.SELF.list", "inspection.inspection.heldOn",
                        "inspection.inspection.unit", "inspection.inspection.status");
        org.springframework.data.domain.Page<Inspection> page;
        int n = 0;
        do {
            page = inspections.list(actor, kind, n++);
            for (Inspection i : page.getContent()) {
                String status = table.text("inspection.status." + i.getStatus());
                if (visit) {
                    table.row(i.getHeldOn(), unitNames.of(i.getUnitId()), String.join(", ",
                            i.getVisitedUnitIds().stream().map(unitNames::of).toList()), status);
                } else {
                    table.row(i.getHeldOn(), unitNames.of(i.getUnitId()), status);
                }
            }
            table.flush();
        } while (page.hasNext());
        table.finish();
    }

    private String list(Actor actor, InspectionKind kind, int page, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("page", inspections.list(actor, kind, page));
        model.addAttribute("unitNames", new UnitNames(units));
        model.addAttribute("mayVisit", actor.supervises());
        model.addAttribute("checklists", checklists.list(actor));
        model.addAttribute("mayStartSelf", actor.scope().writable());
        return "inspection/inspections";
    }

    @PostMapping("/checklists/{checklistId}/self-inspections")
    @PreAuthorize(WRITERS)
    String startSelf(DataScope scope, Authentication auth, @PathVariable long checklistId) {
        Inspection started = inspections.startSelf(Actor.of(scope, auth), checklistId, rule.today());
        return "redirect:/inspection/inspections/" + started.getId();
    }

    @GetMapping("/visits/new")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    String newVisit(DataScope scope, Authentication auth, @RequestParam(required = false) Long checklistId, Model model) {
        Actor actor = Actor.of(scope, auth);
        var offered = checklists.list(actor);
        if (!model.containsAttribute("visitForm")) {
            // the only checklist there is needs no choosing
            Long chosen = checklistId == null && offered.size() == 1 ? offered.get(0).getId() : checklistId;
            model.addAttribute("visitForm", new VisitForm(chosen, rule.today(), null, List.of()));
        }
        model.addAttribute("checklists", offered);
        model.addAttribute("targets", units.tree(scope).stream().filter(u -> u.getId() != scope.unitId()).toList());
        return "inspection/visit-form";
    }

    @PostMapping("/visits")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    String createVisit(DataScope scope, Authentication auth, @Valid @ModelAttribute("visitForm") VisitForm form,
            BindingResult errors, Model model, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            return newVisit(scope, auth, form.getChecklistId(), model);
        }
        Inspection visit = inspections.startVisit(Actor.of(scope, auth), form.getChecklistId(), form.getHeldOn(),
                Forms.blank(form.getTeam()), form.getUnitIds());
        return "redirect:/inspection/inspections/" + visit.getId();
    }

    @GetMapping("/inspections/{id}")
    String detail(DataScope scope, Authentication auth, @PathVariable long id, Model model) {
        Actor actor = Actor.of(scope, auth);
        Inspection inspection = inspections.get(actor, id);
        boolean mayEdit = inspections.mayEdit(actor, inspection);
        model.addAttribute("inspection", inspection);
        model.addAttribute("checklist", checklists.get(actor, inspection.getChecklistId()));
        model.addAttribute("answers", inspections.answers(actor, id));
        model.addAttribute("mayEdit", mayEdit);
        OrgUnit unit = units.getUnchecked(inspection.getUnitId());
        model.addAttribute("unitName", unit.getName());
        model.addAttribute("prefillable", mayEdit && !inspection.isVisit() && unit.getKind() == OrgUnitKind.TOWNSHIP
                && checklists.items(actor, inspection.getChecklistId()).stream()
                        .anyMatch(i -> i.getIndicatorCode() != null && !i.getIndicatorCode().isBlank()));
        List<OrgUnit> visited = inspections.visitedUnits(inspection);
        model.addAttribute("visitedUnits", visited);
        model.addAttribute("findings", findings.ofInspection(actor, id));
        model.addAttribute("results", AnswerResult.values());
        model.addAttribute("categories", FindingCategory.values());
        if (mayEdit) {
            if (inspection.isVisit()) {
                model.addAttribute("ownerPosts", visited.stream()
                        .flatMap(u -> findings.ownerCandidates(actor, u.getId()).stream()).distinct().toList());
                model.addAttribute("unitNames", new UnitNames(units));
                if (!model.containsAttribute("visitFindingForm")) {
                    model.addAttribute("visitFindingForm", VisitFindingForm.empty());
                }
            } else {
                model.addAttribute("ownerPosts", findings.ownerCandidates(actor, inspection.getUnitId()));
                model.addAttribute("unitNames", new UnitNames(units));
                if (!model.containsAttribute("answersForm")) {
                    model.addAttribute("answersForm", new Forms.AnswersForm());
                }
                if (!model.containsAttribute("finishSelfForm")) {
                    model.addAttribute("finishSelfForm", new FinishSelfForm(null, rule.today().plusDays(30), null));
                }
            }
        }
        return "inspection/inspection";
    }

    /** 从考核预填: proposes the answers of indicator-linked items; the unit then confirms or changes each. */
    @PostMapping("/inspections/{id}/prefill")
    @PreAuthorize(WRITERS)
    String prefill(DataScope scope, Authentication auth, @PathVariable long id, RedirectAttributes redirect) {
        AssessmentPrefill.Result result = prefill.prefill(Actor.of(scope, auth), id);
        String text = messages.getMessage("inspection.prefill.done", new Object[] {result.proposed(), result.kept()},
                LocaleContextHolder.getLocale());
        if (!result.unknownCodes().isEmpty()) {
            text += " " + messages.getMessage("inspection.prefill.unknown",
                    new Object[] {String.join(", ", result.unknownCodes())}, LocaleContextHolder.getLocale());
        }
        redirect.addFlashAttribute("flash", text);
        return "redirect:/inspection/inspections/" + id;
    }

    /**
     * Every item of the inspection answered on one page with one save: the rows given a result are
     * saved together; a statement without a result, or one too long, is told beside its item with
     * everything typed kept.
     */
    @PostMapping("/inspections/{id}/answers")
    String answer(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("answersForm") Forms.AnswersForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        java.util.Map<Long, java.util.Map.Entry<AnswerResult, String>> given = new java.util.LinkedHashMap<>();
        for (int i = 0; i < form.getAnswers().size(); i++) {
            Forms.AnswerRow row = form.getAnswers().get(i);
            if (row.getItemId() == null) {
                continue;
            }
            if (row.getResult() != null) {
                given.put(row.getItemId(), new java.util.AbstractMap.SimpleEntry<>(row.getResult(), row.getStatement()));
            } else if (row.getStatement() != null && !row.getStatement().isBlank()) {
                errors.rejectValue("answers[" + i + "].result", "inspection.answer.result.required");
            }
        }
        return forms.submit(errors, model, response, redirect, () -> {
            // beside each item: its messages, by the item the row was posted for
            java.util.Map<Long, String> byItem = new java.util.HashMap<>();
            for (org.springframework.validation.FieldError e : errors.getFieldErrors()) {
                java.util.regex.Matcher row = java.util.regex.Pattern.compile("answers\\[(\\d+)]").matcher(e.getField());
                if (row.lookingAt()) {
                    Long itemId = form.getAnswers().get(Integer.parseInt(row.group(1))).getItemId();
                    byItem.merge(itemId, messages.getMessage(e, LocaleContextHolder.getLocale()), (a, b) -> a + " " + b);
                }
            }
            model.addAttribute("answerErrors", byItem);
            return detail(scope, auth, id, model);
        }, () -> {
            int saved = inspections.answerAll(Actor.of(scope, auth), id, given);
            return forms.done("/inspection/inspections/" + id, "inspection.answers.saved", saved);
        });
    }

    @PostMapping("/inspections/{id}/items/{itemId}/evidence")
    String answerEvidence(DataScope scope, Authentication auth, @PathVariable long id, @PathVariable long itemId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "ledgerRecordId", required = false) Long ledgerRecordId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.of(scope, auth);
        if (ledgerRecordId != null && ledgerRecordId > 0) {
            inspections.addLedgerRecord(actor, id, itemId, ledgerRecordId);
        } else {
            try {
                inspections.addAttachment(actor, id, itemId, file);
            } catch (UploadException e) {
                // Beside the file field of this item, as the ledger's evidence form does.
                response.setStatus(UploadException.pageStatus(e, 400));
                model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
                model.addAttribute("fileErrorItem", itemId);
                return detail(scope, auth, id, model);
            }
        }
        redirect.addFlashAttribute("flash", msg("common.saved"));
        return "redirect:/inspection/inspections/" + id + "#item-" + itemId;
    }

    @GetMapping("/inspections/{id}/evidence/{evidenceId}")
    ResponseEntity<Resource> download(DataScope scope, Authentication auth, @PathVariable long id,
            @PathVariable long evidenceId) {
        return attachments.download(inspections.answerAttachment(Actor.of(scope, auth), id, evidenceId), true);
    }

    @PostMapping("/inspections/{id}/finish-self")
    @PreAuthorize(WRITERS)
    String finishSelf(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("finishSelfForm") FinishSelfForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        rule.checkDeadline(form.getDeadline(), null, errors);
        return act(scope, auth, id, errors, model, response, redirect, "", actor -> {
            List<Finding> raised = inspections.finishSelf(actor, id, form.getOwnerPostId(), form.getDeadline(),
                    form.getSummary(), form.getTeam());
            return messages.getMessage("inspection.self.finished", new Object[] {raised.size()},
                    LocaleContextHolder.getLocale());
        });
    }

    @PostMapping("/inspections/{id}/findings")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    String visitFinding(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("visitFindingForm") VisitFindingForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        rule.checkDeadline(form.getDeadline(), null, errors);
        return act(scope, auth, id, errors, model, response, redirect, "#findings", actor -> {
            inspections.recordVisitFinding(actor, id, form.getUnitId(), form.getItemId(), form.getCategory(),
                    form.getTitle().strip(), Forms.blank(form.getDetail()), form.getOwnerPostId(), form.getDeadline());
            return msg("inspection.finding.recorded");
        });
    }

    @PostMapping("/inspections/{id}/finish-visit")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    String finishVisit(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("finishVisitForm") NoteForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(scope, auth, id, errors, model, response, redirect, "", actor -> {
            inspections.finishVisit(actor, id, form.getNote());
            return msg("inspection.visit.finished");
        });
    }

    /**
     * The shape the closing actions of the inspection page share: a form with errors re-renders the
     * page with 400; otherwise the action runs for the signed-in actor and its message is flashed
     * on the page (at {@code anchor}).
     */
    private String act(DataScope scope, Authentication auth, long id, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, String anchor, Function<Actor, String> action) {
        return forms.submit(errors, model, response, redirect, () -> detail(scope, auth, id, model),
                () -> new FormSubmission.Done("/inspection/inspections/" + id + anchor, action.apply(Actor.of(scope, auth))));
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
