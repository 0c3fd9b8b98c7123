package org.luoshi.report;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.Permission;
import org.luoshi.org.OrgUnit;
import org.luoshi.time.Times;
import org.luoshi.web.FormSubmission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The report pages: list, new, edit with the check panel, versions, downloads, review and templates. */
@Controller
@RequestMapping("/report")
class ReportController {

    static final String WRITERS = "hasAuthority('report:write')";

    private final ReportService reports;
    private final ReportDocuments documents;
    private final MessageSource messages;
    private final Times times;
    private final FormSubmission forms;

    ReportController(ReportService reports, ReportDocuments documents, MessageSource messages,
            Times times, FormSubmission forms) {
        this.times = times;
        this.forms = forms;
        this.reports = reports;
        this.documents = documents;
        this.messages = messages;
    }

    static ReportService.Viewer viewer(DataScope scope) {
        return new ReportService.Viewer(scope);
    }

    static boolean writer(DataScope scope) {
        return scope.may(Permission.REPORT_WRITE);
    }

    @GetMapping
    String list(DataScope scope, Model model) {
        model.addAttribute("reports", reports.list(viewer(scope)).stream().map(this::row).toList());
        model.addAttribute("canWrite", writer(scope));
        return "report/list";
    }

    /**
     * The home page's report card, no layout: the newest reports of the user's units with their
     * status and, for a returned one, why; for a reviewer how many wait for review.
     */
    @GetMapping("/panel")
    String panel(DataScope scope, Model model) {
        ReportService.Viewer viewer = viewer(scope);
        List<Report> all = reports.list(viewer);
        // the party secretary sees at once which drafts wait for their 审定, and those come first: they are what
        // the card is for, and a township with many reports would otherwise push them below the fifth row
        java.util.Set<Long> toApprove = scope.may(Permission.REPORT_APPROVE) ? reports.awaitingApproval(all) : java.util.Set.of();
        List<Report> shown = java.util.stream.Stream.concat(all.stream().filter(r -> toApprove.contains(r.getId())),
                all.stream().filter(r -> !toApprove.contains(r.getId()))).limit(5).toList();
        model.addAttribute("reports", shown.stream().map(this::row).toList());
        model.addAttribute("more", all.size() > 5);
        model.addAttribute("waiting", viewer.reviewer() ? reports.inbox(viewer, false).size() : null);
        model.addAttribute("toApprove", toApprove);
        return "report/panel :: panel";
    }

    /**
     * The county home's panel of reports waiting for review (sent, neither accepted nor returned), the
     * oldest first would hide new ones: newest first, the first eight with a link to the whole inbox.
     */
    @GetMapping("/review-panel")
    @PreAuthorize("hasAuthority('county:oversee')")
    String reviewPanel(DataScope scope, Model model) {
        List<Report> waiting = reports.inbox(viewer(scope), false);
        model.addAttribute("waiting", waiting.stream().limit(8).map(this::row).toList());
        model.addAttribute("count", waiting.size());
        return "report/home :: review";
    }

    /**
     * The county home's panel of townships that have not sent the year's annual reports; the year is
     * the reporting year (in January and February the year just ended), or the one asked for.
     */
    @GetMapping("/unreported-panel")
    @PreAuthorize("hasAuthority('county:oversee')")
    String unreportedPanel(DataScope scope, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? times.likelyYear() : year;
        model.addAttribute("unreported", reports.unreported(viewer(scope), y));
        model.addAttribute("year", y);
        return "report/home :: unreported";
    }

    @GetMapping("/inbox")
    @PreAuthorize("hasAuthority('county:oversee')")
    String inbox(DataScope scope, @RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("reports", reports.inbox(viewer(scope), all).stream().map(this::row).toList());
        model.addAttribute("all", all);
        return "report/inbox";
    }

    record Row(Report report, String township) {
    }

    private Row row(Report report) {
        return new Row(report, reports.townshipName(report));
    }

    @GetMapping("/new")
    @PreAuthorize(WRITERS)
    String newForm(DataScope scope, Model model) {
        CreateFormDefaults.fill(model, scope, reports);
        ReportForms.CreateForm form = new ReportForms.CreateForm();
        form.setKind(ReportKind.RESPONSIBILITY);
        form.setYear(times.likelyYear());
        List<OrgUnit> townships = reports.townships(scope);
        if (townships.size() == 1) {
            form.setTownshipId(townships.get(0).getId());
        }
        // a 自查报告 is proposed from the newest finished self-inspection and the directive its checklist names
        @SuppressWarnings("unchecked")
        List<ReportSources.Option> inspections = (List<ReportSources.Option>) model.getAttribute("inspections");
        @SuppressWarnings("unchecked")
        List<ReportSources.Option> directives = (List<ReportSources.Option>) model.getAttribute("directives");
        if (!inspections.isEmpty()) {
            ReportSources.Option newest = inspections.get(0);
            form.setInspectionId(newest.id());
            directives.stream()
                    .filter(d -> !newest.reference().isBlank() && newest.reference().equals(d.reference())).findFirst()
                    .ifPresent(d -> form.setDirectiveRecordId(d.id()));
        }
        model.addAttribute("form", form);
        return "report/new";
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    String create(DataScope scope, @Valid @ModelAttribute("form") ReportForms.CreateForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (form.getKind() == ReportKind.SELF_INSPECTION) {
            if (form.getInspectionId() == null) {
                errors.rejectValue("inspectionId", "report.inspectionRequired");
            }
            if (form.getDirectiveRecordId() == null) {
                errors.rejectValue("directiveRecordId", "report.directiveRequired");
            }
        }
        return forms.submit(errors, model, response, redirect, () -> {
            CreateFormDefaults.fill(model, scope, reports);
            return "report/new";
        }, () -> forms.done("/report/" + reports.create(scope, form.toCommand()).getId(), "report.created"));
    }

    @GetMapping("/{id}")
    String edit(DataScope scope, @PathVariable long id, Model model) {
        return editPage(viewer(scope), id, model);
    }

    private void fillEdit(Model model, ReportService.Viewer viewer, Report report,
            ReportVersion version, ReportContent content) {
        model.addAttribute("report", report);
        model.addAttribute("township", reports.townshipName(report));
        model.addAttribute("version", version);
        model.addAttribute("draft", content);
        model.addAttribute("markers", content.markers());
        java.util.Map<String, String> headings = new java.util.HashMap<>();
        content.blocks().forEach(b -> headings.put(b.key(), b.heading() != null ? b.heading() : msg("report.block.opening")));
        model.addAttribute("headings", headings);
        model.addAttribute("markerCount", content.markers().values().stream().mapToInt(List::size).sum());
        model.addAttribute("figures", content.figureParts().stream()
                .map(p -> new FigureRow(p.figure(), ReportDraft.label(p.figure()), p.text(), p.missing(), p.links(),
                        p.overridden()))
                .toList());
        model.addAttribute("overridden", content.overridden().stream()
                .map(p -> ReportDraft.label(p.figure()) + "：" + p.text()).toList());
        model.addAttribute("versions", reports.versions(viewer, report.getId()));
        List<ReportEvent> events = reports.history(viewer, report.getId());
        model.addAttribute("events", events);
        // a returned report says why at the top, where the officer opens it, not only in the history below
        model.addAttribute("returnComment", report.getStatus() != ReportStatus.RETURNED ? null
                : events.stream().filter(e -> e.getAction() == ReportEvent.Action.RETURN).reduce((a, b) -> b)
                        .map(ReportEvent::getComment).orElse(null));
        model.addAttribute("canWrite", writer(viewer.scope()) && report.getStatus().editable());
        model.addAttribute("canRevise", writer(viewer.scope())
                && report.getStatus() == ReportStatus.ACCEPTED);
        model.addAttribute("canReview", viewer.reviewer() && report.getStatus() == ReportStatus.SUBMITTED);
        // 审定: shown while the township may still change the text; who approved which version, or that it waits
        ReportEvent approval = report.getStatus().editable() ? reports.approval(report).orElse(null) : null;
        model.addAttribute("approval", approval);
        model.addAttribute("awaitingApproval", report.getStatus().editable() && approval == null);
        model.addAttribute("canApprove", viewer.scope().may(Permission.REPORT_APPROVE) && report.getStatus().editable()
                && approval == null && !viewer.username().equals(report.getCreatedBy())
                && !viewer.username().equals(version.getSavedBy()));
        model.addAttribute("pdfAvailable", documents.pdfAvailable());
        model.addAttribute("variants", TraditionalVariant.values());
        model.addAttribute("defaultVariant", documents.defaultVariant());
        model.addAttribute("fontSubstitutions", documents.pdfFontSubstitutions());
        model.addAttribute("customTemplate", documents.template(report).map(ReportTemplate::getFileName).orElse(null));
        // a refused review keeps its form and errors (replacing the form would drop its BindingResult)
        if (!model.containsAttribute("reviewForm")) {
            model.addAttribute("reviewForm", new ReportForms.ReviewForm());
        }
    }

    record FigureRow(String key, String label, String value, boolean missing, List<EvidenceLink> links,
            boolean overridden) {
    }

    @PostMapping("/{id}")
    @PreAuthorize(WRITERS)
    String save(DataScope scope, @PathVariable long id,
            @Valid @ModelAttribute("form") ReportForms.SaveForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ReportService.Viewer viewer = viewer(scope);
        if (errors.hasErrors()) {
            response.setStatus(400);
            Report report = reports.get(viewer, id);
            ReportVersion version = reports.latest(report);
            fillEdit(model, viewer, report, version, reports.content(version).withTexts(form.getTexts()));
            return "report/edit";
        }
        ReportVersion saved = reports.save(viewer, id, form.toCommand());
        redirect.addFlashAttribute("flash", msg("report.saved", saved.getNumber()));
        return "redirect:/report/" + id;
    }

    @PostMapping("/{id}/regenerate")
    @PreAuthorize(WRITERS)
    String regenerate(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        ReportVersion saved = reports.regenerate(viewer(scope), id);
        redirect.addFlashAttribute("flash", msg("report.regenerated", saved.getNumber()));
        return "redirect:/report/" + id;
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize(WRITERS)
    String submit(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ReportService.Viewer viewer = viewer(scope);
        return forms.submit(false, model, response, redirect, () -> editPage(viewer, id, model), () -> {
            reports.submit(viewer, id);
            return forms.done("/report/" + id, "report.submitted");
        });
    }

    /** 审定: the party secretary approves the latest version; the officer may then submit it. */
    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('report:approve')")
    String approve(DataScope scope, @PathVariable long id, @RequestParam(required = false) String comment, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ReportService.Viewer viewer = viewer(scope);
        return forms.submit(false, model, response, redirect, () -> editPage(viewer, id, model), () -> {
            reports.approve(viewer, id, comment);
            return forms.done("/report/" + id, "report.approved");
        });
    }

    /** Settles a figure without records: 本年度无…, or the sentence left out. */
    @PostMapping("/{id}/resolve")
    @PreAuthorize(WRITERS)
    String resolve(DataScope scope, @PathVariable long id, @RequestParam String figure,
            @RequestParam ReportContent.Resolution resolution, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ReportService.Viewer viewer = viewer(scope);
        return forms.submit(false, model, response, redirect, () -> editPage(viewer, id, model), () -> {
            ReportVersion saved = reports.resolve(viewer, id, figure, resolution);
            return forms.done("/report/" + id, "report.resolved", saved.getNumber());
        });
    }

    /** Types a figure over by hand, or (blank value) takes the override back. */
    @PostMapping("/{id}/override")
    @PreAuthorize(WRITERS)
    String override(DataScope scope, @PathVariable long id, @RequestParam String figure,
            @RequestParam(required = false) String value, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ReportService.Viewer viewer = viewer(scope);
        return forms.submit(false, model, response, redirect, () -> editPage(viewer, id, model), () -> {
            ReportVersion saved = reports.override(viewer, id, figure, value);
            return forms.done("/report/" + id + "#fig-" + figure, value == null || value.isBlank()
                    ? "report.overrideRemoved" : "report.overridden", saved.getNumber());
        });
    }

    /** The edit page of the latest version, as a refused action shows it again. */
    private String editPage(ReportService.Viewer viewer, long id, Model model) {
        Report report = reports.get(viewer, id);
        ReportVersion version = reports.latest(report);
        ReportContent content = reports.content(version);
        model.addAttribute("form", ReportForms.SaveForm.of(report, content, version.getNumber()));
        fillEdit(model, viewer, report, version, content);
        return "report/edit";
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasAuthority('report:review')")
    String returnReport(DataScope scope, @PathVariable long id,
            @Valid @ModelAttribute("reviewForm") ReportForms.ReviewForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ReportService.Viewer viewer = viewer(scope);
        if (!errors.hasErrors() && (form.getComment() == null || form.getComment().isBlank())) {
            errors.rejectValue("comment", "report.commentRequired");
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            Report report = reports.get(viewer, id);
            ReportVersion version = reports.latest(report);
            ReportContent content = reports.content(version);
            model.addAttribute("form", ReportForms.SaveForm.of(report, content, version.getNumber()));
            fillEdit(model, viewer, report, version, content);
            return "report/edit";
        }
        reports.returnToTownship(viewer, id, form.getComment());
        redirect.addFlashAttribute("flash", msg("report.returned"));
        return "redirect:/report/" + id;
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('report:review')")
    String accept(DataScope scope, @PathVariable long id,
            @ModelAttribute("reviewForm") ReportForms.ReviewForm form, RedirectAttributes redirect) {
        reports.accept(viewer(scope), id, form.getComment());
        redirect.addFlashAttribute("flash", msg("report.accepted"));
        return "redirect:/report/" + id;
    }

    @PostMapping("/{id}/revise")
    @PreAuthorize(WRITERS)
    String revise(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        Report next = reports.revise(viewer(scope), id);
        redirect.addFlashAttribute("flash", msg("report.revised", next.getSubmissionNo()));
        return "redirect:/report/" + next.getId();
    }

    @GetMapping("/{id}/compare")
    String compare(DataScope scope, @PathVariable long id, @RequestParam int from,
            @RequestParam int to, Model model) {
        ReportService.Viewer viewer = viewer(scope);
        model.addAttribute("report", reports.get(viewer, id));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("differences", reports.compare(viewer, id, from, to));
        return "report/compare";
    }

    @GetMapping("/{id}/docx")
    ResponseEntity<byte[]> docx(DataScope scope, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean traditional,
            @RequestParam(required = false) TraditionalVariant variant,
            @RequestParam(defaultValue = "false") boolean appendix,
            @RequestParam(defaultValue = "0") int version) {
        return download(documents.docx(viewer(scope), id, version, documents.script(traditional, variant),
                appendix));
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(DataScope scope, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean traditional,
            @RequestParam(required = false) TraditionalVariant variant,
            @RequestParam(defaultValue = "false") boolean appendix) {
        return download(documents.pdf(viewer(scope), id, documents.script(traditional, variant), appendix));
    }

    /** OFD for archives: the same checks as the PDF (whoever may read the report). */
    @GetMapping("/{id}/ofd")
    ResponseEntity<byte[]> ofd(DataScope scope, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean traditional,
            @RequestParam(required = false) TraditionalVariant variant,
            @RequestParam(defaultValue = "false") boolean appendix) {
        return download(documents.ofd(viewer(scope), id, documents.script(traditional, variant), appendix));
    }

    static ResponseEntity<byte[]> download(ReportDocuments.File file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    @GetMapping("/templates")
    @PreAuthorize("hasAuthority('report:templates')")
    String templates(DataScope scope, Model model) {
        DataScope editor = scope;
        ReportForms.TemplateForm form = new ReportForms.TemplateForm();
        form.setKind(ReportKind.RESPONSIBILITY);
        documents.templateUnits(editor).stream().findFirst().ifPresent(u -> form.setOrgUnitId(u.getId()));
        model.addAttribute("templateForm", form);
        return templatesPage(editor, model);
    }

    private String templatesPage(DataScope editor, Model model) {
        model.addAttribute("templates", documents.templates(editor));
        model.addAttribute("units", documents.templateUnits(editor));
        model.addAttribute("kinds", ReportKind.values());
        return "report/templates";
    }

    /**
     * Uploads (or replaces) a unit's template. A file the check refuses shows the page again with the
     * reason beside the file field (the form protocol's refusal, placed there); a unit the user may not
     * set templates for is refused by the service (404 outside the scope, 403 inside it).
     */
    @PostMapping("/templates")
    @PreAuthorize(WRITERS)
    String upload(DataScope scope, @Valid @ModelAttribute("templateForm") ReportForms.TemplateForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (form.getFile() == null || form.getFile().isEmpty()) {
            errors.rejectValue("file", "report.template.fileRequired");
        }
        DataScope editor = scope;
        return forms.submit(errors, model, response, redirect, () -> templatesPage(editor, model), () -> {
            documents.upload(editor, form.getOrgUnitId(), form.getKind(), form.getFile());
            return forms.done("/report/templates", "report.template.uploaded");
        });
    }

    @PostMapping("/templates/{templateId}/retire")
    @PreAuthorize(WRITERS)
    String retire(DataScope scope, @PathVariable long templateId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        DataScope editor = scope;
        return forms.submit(false, model, response, redirect, () -> templates(scope, model), () -> {
            documents.retire(editor, templateId);
            return forms.done("/report/templates", "report.template.retired");
        });
    }

    @GetMapping("/templates/example.docx")
    ResponseEntity<byte[]> example() {
        return download(new ReportDocuments.File("report-template-example.docx", ReportDocuments.DOCX,
                CustomTemplates.example()));
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** What the new-report form needs besides the form itself. */
    static final class CreateFormDefaults {
        private CreateFormDefaults() {
        }

        static void fill(Model model, DataScope scope, ReportService reports) {
            List<OrgUnit> townships = reports.townships(scope);
            model.addAttribute("townships", townships);
            model.addAttribute("kinds", ReportKind.values());
            model.addAttribute("inspections", reports.inspectionOptions(scope, townships));
            model.addAttribute("directives", reports.directiveOptions(townships));
        }
    }
}
