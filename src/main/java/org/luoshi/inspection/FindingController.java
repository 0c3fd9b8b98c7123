package org.luoshi.inspection;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import jakarta.validation.groups.Default;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.inspection.Forms.FollowUpForm;
import org.luoshi.inspection.Forms.LedgerLinkForm;
import org.luoshi.inspection.Forms.NoteForm;
import org.luoshi.inspection.Forms.PlanForm;
import org.luoshi.inspection.Forms.RecheckForm;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.luoshi.time.Times;
import org.luoshi.web.UploadException;
import org.luoshi.web.XlsxTable;
import org.luoshi.web.FormSubmission;
import org.luoshi.web.KeysetPager;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Findings and rectification pages, the overview with rates, the home-page panel and notifications. */
@Controller
@RequestMapping("/inspection")
class FindingController {

    private final FindingService findings;
    private final OrgUnitService units;
    private final AttachmentService attachments;
    private final Notifications notifications;
    private final OverviewXlsx overviewXlsx;
    private final OverdueRule rule;
    private final MessageSource messages;
    private final SystemFindings systemFindings;
    private final Times times;
    private final FormSubmission forms;

    FindingController(FindingService findings, OrgUnitService units, AttachmentService attachments,
            Notifications notifications, OverviewXlsx overviewXlsx, OverdueRule rule, MessageSource messages,
            SystemFindings systemFindings, Times times, FormSubmission forms) {
        this.forms = forms;
        this.times = times;
        this.systemFindings = systemFindings;
        this.findings = findings;
        this.units = units;
        this.attachments = attachments;
        this.notifications = notifications;
        this.overviewXlsx = overviewXlsx;
        this.rule = rule;
        this.messages = messages;
    }

    @GetMapping
    String index() {
        return "redirect:/inspection/findings";
    }

    @GetMapping("/findings")
    String list(DataScope scope, Authentication auth, @ModelAttribute("filter") FilterParams filter,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String back,
            @RequestParam(required = false) String after, Model model) {
        Actor actor = Actor.of(scope, auth);
        // "after" is what links made before the shared pager said
        String from = cursor != null ? cursor : after;
        FindingPage page = findings.search(actor, filter.toFilter(), from, FindingPage.SIZE);
        model.addAttribute("page", page);
        model.addAttribute("pager", new KeysetPager(from, back, page.next()));
        model.addAttribute("total", findings.count(actor, filter.toFilter()));
        model.addAttribute("mayGenerate", actor.supervises());
        addFilterOptions(scope, model);
        return "inspection/findings";
    }

    /** 从考核和阵地检查生成问题: the daily job, now, for the townships in the caller's scope. */
    @PostMapping("/findings/generate")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    String generate(DataScope scope, Authentication auth, RedirectAttributes redirect) {
        SystemFindings.Outcome outcome = systemFindings.runFor(Actor.of(scope, auth));
        redirect.addFlashAttribute("flash", messages.getMessage("inspection.signal.done", new Object[] {
                outcome.indicatorFindings(), outcome.venueFindings(), outcome.warnings()}, LocaleContextHolder.getLocale()));
        return "redirect:/inspection/findings";
    }

    @GetMapping("/overview")
    String overview(DataScope scope, Authentication auth, @ModelAttribute("filter") FilterParams filter, Model model) {
        Actor actor = Actor.of(scope, auth);
        model.addAttribute("rates", findings.rates(actor));
        model.addAttribute("counts", findings.counts(actor));
        model.addAttribute("page", findings.search(actor, filter.toFilter(), null, FindingPage.SIZE));
        model.addAttribute("total", findings.count(actor, filter.toFilter()));
        addFilterOptions(scope, model);
        return "inspection/overview";
    }

    @GetMapping("/overview.xlsx")
    void exportOverview(DataScope scope, Authentication auth, @ModelAttribute("filter") FilterParams filter,
            HttpServletResponse response) throws IOException {
        Actor actor = Actor.of(scope, auth);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(msg("inspection.overview.fileName") + "-" + rule.today() + ".xlsx", StandardCharsets.UTF_8)
                .build().toString());
        FindingFilter findingFilter = filter.toFilter();
        overviewXlsx.write(findings.rates(actor), consumer -> findings.exportPages(actor, findingFilter, consumer),
                response.getOutputStream());
    }

    /**
     * The findings list with the page's filters as .xlsx, in the page's order (deadline, id) and columns.
     * Read page by page with the page's own cursor, and each page handed to the response, so the whole
     * list never sits in memory.
     */
    @GetMapping("/findings.xlsx")
    void exportFindings(DataScope scope, Authentication auth, @ModelAttribute("filter") FilterParams filter,
            HttpServletResponse response) throws IOException {
        Actor actor = Actor.of(scope, auth);
        XlsxTable table = XlsxTable.start(response, messages, times.today(), "inspection.findings.title", "inspection.finding.title",
                "inspection.finding.unit", "inspection.finding.source", "inspection.finding.owner",
                "inspection.finding.deadline", "inspection.col.urgency", "inspection.finding.state");
        String after = null;
        do {
            FindingPage page = findings.search(actor, filter.toFilter(), after, FindingPage.MAX_SIZE);
            for (FindingRow r : page.rows()) {
                Finding f = r.finding();
                table.row(f.getTitle(), r.unitName(), table.text("inspection.source." + f.getSource()),
                        r.holderName() == null ? r.ownerTitle() : r.ownerTitle() + " (" + r.holderName() + ")",
                        f.getDeadline(), table.text("inspection.urgency." + r.urgency()),
                        table.text("inspection.state." + f.getState()));
            }
            table.flush();
            after = page.next();
        } while (after != null);
        table.finish();
    }

    private void addFilterOptions(DataScope scope, Model model) {
        model.addAttribute("sources", FindingSource.values());
        model.addAttribute("categories", FindingCategory.values());
        model.addAttribute("states", RectificationState.values());
        model.addAttribute("filterUnits", units.tree(scope).stream()
                .filter(u -> u.getKind() != org.luoshi.org.OrgUnitKind.DEPARTMENT || u.getDepth() <= 1).toList());
    }

    @GetMapping("/findings/{id}")
    String detail(DataScope scope, Authentication auth, @PathVariable long id, Model model) {
        Actor actor = Actor.of(scope, auth);
        FindingRow row = findings.row(actor, id);
        Finding finding = row.finding();
        model.addAttribute("row", row);
        model.addAttribute("f", finding);
        model.addAttribute("raisedBy", units.getUnchecked(finding.getRaisedByUnitId()).getName());
        model.addAttribute("timeline", findings.timeline(actor, id));
        model.addAttribute("evidence", findings.evidence(actor, id));
        boolean mayWork = findings.mayWork(actor, finding);
        model.addAttribute("mayWork", mayWork);
        model.addAttribute("mayRecheck", findings.mayRecheck(actor, finding));
        model.addAttribute("mayFollowUp", finding.isLocked() && actor.supervises());
        model.addAttribute("nearDays", rule.nearDays());
        if (mayWork) {
            model.addAttribute("ownerPosts", findings.ownerCandidates(actor, finding.getUnitId()));
            model.addAttribute("unitNames", new UnitNames(units));
        }
        if (!model.containsAttribute("planForm")) {
            PlanForm plan = new PlanForm(finding.getOwnerPostId(), finding.getDeadline(), finding.getMeasures(), null);
            plan.setVersion(finding.getVersion());
            model.addAttribute("planForm", plan);
        }
        for (String name : new String[] {"noteForm", "submitForm"}) {
            if (!model.containsAttribute(name)) {
                model.addAttribute(name, NoteForm.empty());
            }
        }
        if (!model.containsAttribute("recheckForm")) {
            model.addAttribute("recheckForm", RecheckForm.empty());
        }
        if (!model.containsAttribute("followUpForm")) {
            model.addAttribute("followUpForm", FollowUpForm.empty());
        }
        return "inspection/finding";
    }

    @PostMapping("/findings/{id}/plan")
    @PreAuthorize(InspectionController.WRITERS)
    String plan(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("planForm") PlanForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        rule.checkDeadline(form.getDeadline(), findings.get(Actor.of(scope, auth), id).getDeadline(), errors);
        return act(scope, auth, id, errors, model, response, redirect,
                actor -> findings.plan(actor, id, form.getOwnerPostId(), form.getDeadline(), form.getMeasures(),
                        form.getReason(), form.getVersion()));
    }

    @PostMapping("/findings/{id}/start")
    @PreAuthorize(InspectionController.WRITERS)
    String start(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("startForm") NoteForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(scope, auth, id, errors, model, response, redirect,
                actor -> findings.start(actor, id, form.getNote()));
    }

    @PostMapping("/findings/{id}/notes")
    @PreAuthorize(InspectionController.WRITERS)
    String note(DataScope scope, Authentication auth, @PathVariable long id,
            @Validated({Default.class, NoteForm.Required.class}) @ModelAttribute("noteForm") NoteForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(scope, auth, id, errors, model, response, redirect,
                actor -> findings.note(actor, id, form.getNote()));
    }

    @PostMapping("/findings/{id}/evidence")
    @PreAuthorize(InspectionController.WRITERS)
    String addEvidence(DataScope scope, Authentication auth, @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            findings.addAttachment(Actor.of(scope, auth), id, file);
        } catch (UploadException e) {
            // Beside the file field, as the ledger's evidence form does.
            response.setStatus(UploadException.pageStatus(e, 400));
            model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
            return detail(scope, auth, id, model);
        }
        redirect.addFlashAttribute("flash", msg("common.saved"));
        return "redirect:/inspection/findings/" + id;
    }

    @PostMapping("/findings/{id}/ledger-records")
    @PreAuthorize(InspectionController.WRITERS)
    String addLedgerRecord(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("ledgerForm") LedgerLinkForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(scope, auth, id, errors, model, response, redirect,
                actor -> findings.addLedgerRecord(actor, id, form.getLedgerRecordId()));
    }

    @GetMapping("/findings/{id}/evidence/{evidenceId}")
    ResponseEntity<Resource> download(DataScope scope, Authentication auth, @PathVariable long id,
            @PathVariable long evidenceId) {
        return attachments.download(findings.attachment(Actor.of(scope, auth), id, evidenceId), true);
    }

    @PostMapping("/findings/{id}/submit")
    @PreAuthorize(InspectionController.WRITERS)
    String submit(DataScope scope, Authentication auth, @PathVariable long id,
            @Validated({Default.class, NoteForm.Required.class}) @ModelAttribute("submitForm") NoteForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(scope, auth, id, errors, model, response, redirect,
                actor -> findings.submit(actor, id, form.getNote()));
    }

    @PostMapping("/findings/{id}/recheck")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    String recheck(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("recheckForm") RecheckForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(scope, auth, id, errors, model, response, redirect,
                actor -> findings.recheck(actor, id, form.getPassed(), form.getReason()));
    }

    @PostMapping("/findings/{id}/follow-up")
    @PreAuthorize(ChecklistController.SUPERVISORS)
    String followUp(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("followUpForm") FollowUpForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        rule.checkDeadline(form.getDeadline(), null, errors);
        return forms.submit(errors, model, response, redirect, () -> detail(scope, auth, id, model), () -> {
            Finding created = findings.followUp(Actor.of(scope, auth), id, form.getTitle().strip(),
                    Forms.blank(form.getDetail()), form.getDeadline());
            return forms.done("/inspection/findings/" + created.getId(), "inspection.finding.recorded");
        });
    }

    /** The htmx panel of the home page: open and overdue counts in the user's scope, no layout. */
    @GetMapping("/panel")
    String panel(DataScope scope, Authentication auth, Model model) {
        Actor actor = Actor.of(scope, auth);
        model.addAttribute("counts", findings.counts(actor));
        model.addAttribute("unread", notifications.unread(scope.unitId(), actor.role(), actor.username()));
        return "inspection/panel :: panel";
    }

    /** The county home's panel: overdue rectifications by township, with links to each list. */
    @GetMapping("/overdue-panel")
    @PreAuthorize("hasAuthority('county:oversee')")
    String overduePanel(DataScope scope, Authentication auth, Model model) {
        List<FindingService.OverdueAt> rows = findings.overdueByTownship(Actor.of(scope, auth));
        model.addAttribute("rows", rows);
        model.addAttribute("total", rows.stream().mapToLong(FindingService.OverdueAt::overdue).sum());
        model.addAttribute("today", rule.today());
        return "inspection/home :: overdue";
    }

    @GetMapping("/notifications")
    String notifications(DataScope scope, Authentication auth, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", notifications.list(Actor.of(scope, auth), page));
        return "inspection/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(DataScope scope, Authentication auth, @PathVariable long id) {
        notifications.markRead(Actor.of(scope, auth), id);
        return "redirect:/inspection/notifications";
    }

    /** 全部已读: every notice of the user's unit and role, read for this account only (others still see them new). */
    @PostMapping("/notifications/read-all")
    String readAll(DataScope scope, Authentication auth, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(Actor.of(scope, auth));
        redirect.addFlashAttribute("flash", messages.getMessage("inspection.notifications.allRead",
                new Object[] {marked}, LocaleContextHolder.getLocale()));
        return "redirect:/inspection/notifications";
    }

    /**
     * The shape every action of the task page shares, answered by the one form protocol: the action
     * runs for the signed-in actor (scope, role and state checked in the service); invalid input or
     * a refusal shows the page again with what was typed, a change shows it with "saved".
     */
    private String act(DataScope scope, Authentication auth, long id, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Consumer<Actor> action) {
        return forms.submit(errors, model, response, redirect, () -> detail(scope, auth, id, model), () -> {
            action.accept(Actor.of(scope, auth));
            return forms.done("/inspection/findings/" + id, "common.saved");
        });
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** Query parameters of the findings list; empty strings mean "any". */
    record FilterParams(FindingSource source, FindingCategory category, RectificationState state, Boolean overdue,
            Long unitId, String q) {

        FindingFilter toFilter() {
            return new FindingFilter(source, category, state, overdue, unitId, q == null || q.isBlank() ? null : q.strip());
        }

        /** The same filter as a query string, for the export link and the pager. */
        public String query() {
            StringBuilder q = new StringBuilder();
            append(q, "source", source);
            append(q, "category", category);
            append(q, "state", state);
            append(q, "overdue", overdue);
            append(q, "unitId", unitId);
            if (this.q != null && !this.q.isBlank()) {
                append(q, "q", java.net.URLEncoder.encode(this.q.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return q.toString();
        }

        private static void append(StringBuilder q, String name, Object value) {
            if (value != null) {
                q.append('&').append(name).append('=').append(value);
            }
        }
    }
}
