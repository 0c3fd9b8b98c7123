package org.luoshi.ledger;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.evidence.Attachment;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.web.FormSubmission;
import org.luoshi.web.KeysetPager;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.UploadException;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ledger pages: timeline and per-kind lists, the generic record form, detail, history, evidence, restore. */
@Controller
@RequestMapping("/ledger")
class LedgerController {

    static final String WRITERS = "hasAuthority('records:write')";
    static final int PAGE_SIZE = 20;
    static final int PANEL_SIZE = 6;
    static final int EXTRA_ATTENDANCE_ROWS = 3;
    /**
     * A unit selector lists the whole tree in scope up to this many units (a township, a county); above
     * it (a city, the province: up to 34,000 units, 3 MB of options) only the units near the user's and
     * the selected one, and the picker's search (/org/units/search) finds the others.
     */
    static final int SELECTOR_UNITS = 500;

    private final LedgerService ledger;
    private final RecordKinds kinds;
    private final RecordPresenter presenter;
    private final OrgUnitService units;
    private final AttachmentService files;
    private final org.luoshi.time.Times times;
    private final FormSubmission forms;

    LedgerController(LedgerService ledger, RecordKinds kinds, RecordPresenter presenter, OrgUnitService units,
            AttachmentService files, org.luoshi.time.Times times, FormSubmission forms) {
        this.forms = forms;
        this.times = times;
        this.ledger = ledger;
        this.kinds = kinds;
        this.presenter = presenter;
        this.units = units;
        this.files = files;
    }

    // ---- lists ----

    @GetMapping
    String timeline(DataScope scope, @RequestParam(required = false) String kind, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "false") boolean late, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String back, Model model) {
        RecordKind selected = kind == null || kind.isBlank() ? null : kinds.get(kind);
        return list(scope, selected, new RecordFilter(selected == null ? null : selected.code(), unitId, from, to, q, tag, late),
                cursor, back, model);
    }

    @GetMapping("/{kind:[a-zA-Z_-]+}")
    String ofKind(DataScope scope, @PathVariable String kind, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "false") boolean late, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String back, Model model) {
        RecordKind selected = kinds.get(kind);
        boolean openOnly = open && LedgerKind.OPINION_CASE.name().equals(selected.code());
        return list(scope, selected, new RecordFilter(selected.code(), unitId, from, to, q, tag, late, openOnly), cursor, back,
                model);
    }

    private String list(DataScope scope, RecordKind selected, RecordFilter filter, String cursor, String back, Model model) {
        RecordPage page = ledger.list(scope, filter, cursor, PAGE_SIZE);
        model.addAttribute("kinds", kinds.all());
        model.addAttribute("selected", selected);
        model.addAttribute("filter", filter);
        model.addAttribute("counts", ledger.countsByKind(scope, filter));
        model.addAttribute("rows", rows(page.records()));
        model.addAttribute("pager", new KeysetPager(cursor, back, page.next()));
        model.addAttribute("units", units.selectorUnits(scope, filter.unitId(), SELECTOR_UNITS));
        model.addAttribute("canWrite", scope.writable());
        model.addAttribute("basePath", selected == null ? "/ledger" : "/ledger/" + selected.slug());
        return "ledger/list";
    }

    /** The home-page panel (htmx, no layout): the latest records in the user's scope. */
    @GetMapping("/panel")
    String panel(DataScope scope, Model model) {
        model.addAttribute("rows", rows(ledger.list(scope, RecordFilter.all(), null, PANEL_SIZE).records()));
        model.addAttribute("canWrite", scope.writable());
        return "ledger/panel";
    }

    List<Row> rows(List<LedgerRecord> records) {
        Map<Long, String> unitNames = new HashMap<>();
        return records.stream().map(r -> new Row(r, presenter.msg(kinds.get(r.kind()).labelKey()), presenter.subKind(r),
                unitNames.computeIfAbsent(r.unitId(), presenter::unitName), times.minute(r.recordedAt()),
                presenter.caseState(r))).toList();
    }

    /** One line of a list; {@code caseState} is where a 舆情 case stands (null for other kinds). */
    record Row(LedgerRecord record, String kindLabel, String subKind, String unitName, String recordedAt,
            RecordPresenter.CaseState caseState) {
    }

    // ---- create and edit ----

    @GetMapping("/{kind:[a-zA-Z_-]+}/new")
    @PreAuthorize(WRITERS)
    String newRecord(DataScope scope, @PathVariable String kind, @RequestParam(required = false) Long unitId, Model model) {
        scope.requireWritable();
        RecordKind k = kinds.get(kind);
        RecordForm form = new RecordForm();
        form.setUnitId(unitId == null ? scope.unitId() : units.get(scope, unitId).getId());
        // most work is recorded the day it happens: today (Beijing time) unless the user changes it
        form.setOccurredOn(times.today());
        for (FieldDef field : k.fields()) {
            if (field.defaultValue() != null) {
                form.getFields().put(field.name(), field.defaultValue().toString());
            }
        }
        if (k.hasAttendance()) {
            for (Person person : ledger.suggestedAttendees(scope, form.getUnitId(), k)) {
                RecordForm.AttendanceRow row = new RecordForm.AttendanceRow();
                row.setPersonId(person.getId());
                row.setStatus(AttendanceEntry.PRESENT);
                form.getAttendance().add(row);
            }
        }
        return form(scope, k, form, null, Map.of(), model);
    }

    @PostMapping("/{kind:[a-zA-Z_-]+}")
    @PreAuthorize(WRITERS)
    String create(DataScope scope, @PathVariable String kind, @ModelAttribute("form") RecordForm form, BindingResult binding,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RecordKind k = kinds.get(kind);
        scope.requireWritable();
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        return forms.submit(binding, model, response, redirect, () -> form(scope, k, form, null, errors(binding, model), model),
                () -> {
                    try {
                        return forms.done("/ledger/records/" + ledger.createWithFiles(scope, k.code(), form.toCommand(), chosen).id(),
                                "ledger.flash.created");
                    } catch (LedgerService.FileRefused refused) {
                        RuleViolationException e = refused.reason();
                        if (UploadException.pageStatus(e, 400) != 400) {
                            throw e; // a storage fault of the server: 503, said at the top
                        }
                        // the typed fields stay; the message beside the file field names the file and why
                        throw new LedgerValidationException(List.of(new Violation("files", "ledger.form.fileRefused",
                                refused.filename(), presenter.msg(e.messageKey(), e.args()))));
                    }
                });
    }

    @GetMapping("/records/{id}/edit")
    @PreAuthorize(WRITERS)
    String edit(DataScope scope, @PathVariable long id, Model model) {
        scope.requireWritable();
        LedgerRecord record = ledger.get(scope, id);
        return form(scope, kinds.get(record.kind()), RecordForm.of(record), record, Map.of(), model);
    }

    @PostMapping("/records/{id}")
    @PreAuthorize(WRITERS)
    String update(DataScope scope, @PathVariable long id, @ModelAttribute("form") RecordForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        scope.requireWritable();
        LedgerRecord record = ledger.get(scope, id);
        RecordKind k = kinds.get(record.kind());
        return forms.submit(binding, model, response, redirect, () -> form(scope, k, form, record, errors(binding, model), model),
                () -> {
                    ledger.update(scope, id, form.toCommand(), form.getReason(), form.getVersion());
                    return forms.done("/ledger/records/" + id, "ledger.flash.updated");
                });
    }

    private String form(DataScope scope, RecordKind kind, RecordForm form, LedgerRecord record, Map<String, String> errors,
            Model model) {
        long unitId = form.getUnitId() != null ? form.getUnitId() : scope.unitId();
        for (int i = 0; i < EXTRA_ATTENDANCE_ROWS && kind.hasAttendance(); i++) {
            form.getAttendance().add(new RecordForm.AttendanceRow());
        }
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("record", record);
        model.addAttribute("errors", errors);
        model.addAttribute("units", units.selectorUnits(scope, unitId, SELECTOR_UNITS));
        model.addAttribute("choices", presenter.choices(scope, kind, unitId));
        model.addAttribute("people", kind.hasAttendance() ? presenter.people(scope, unitId) : List.of());
        model.addAttribute("statuses", AttendanceEntry.STATUSES);
        return "ledger/form";
    }

    /**
     * The messages beside the ledger form's fields, by the names its template uses: what the form
     * protocol put into the binding (a value that did not convert is told as "not a date" or "not a
     * number") and into the model for the per-kind fields the binding does not hold.
     */
    private Map<String, String> errors(BindingResult binding, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.merge(e.getField(), e.isBindingFailure()
                ? presenter.msg(e.getField().startsWith("occurred") ? "ledger.error.notADate" : "ledger.error.notANumber")
                : e.getDefaultMessage(), (a, b) -> a.equals(b) ? a : a + " " + b));
        errors.putAll(fieldErrors(model));
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrors(Model model) {
        Object errors = model.getAttribute(FormSubmission.FIELD_ERRORS);
        return errors == null ? Map.of() : (Map<String, String>) errors;
    }

    // ---- detail, history ----

    /** A record; an administrator may also open a deleted one, to look at it before restoring it. */
    @GetMapping("/records/{id}")
    String detail(DataScope scope, @PathVariable long id, org.springframework.security.core.Authentication auth, Model model) {
        LedgerRecord record = scope.may(org.luoshi.org.Permission.RECORDS_RESTORE) ? ledger.getIncludingDeleted(scope, id)
                : ledger.get(scope, id);
        return detail(scope, record, Map.of(), model);
    }

    private String detail(DataScope scope, LedgerRecord record, Map<String, String> errors, Model model) {
        RecordKind kind = kinds.get(record.kind());
        model.addAttribute("record", record);
        model.addAttribute("kind", kind);
        model.addAttribute("row", rows(List.of(record)).get(0));
        model.addAttribute("fields", presenter.fields(record));
        model.addAttribute("attachments", ledger.attachments(scope, record.id()).stream()
                .map(a -> new AttachmentRow(a, times.minute(a.getUploadedAt()))).toList());
        List<AttendanceLine> attendance = new ArrayList<>();
        for (AttendanceEntry a : record.attendance()) {
            attendance.add(new AttendanceLine(ledger.personName(a.personId()), a));
        }
        model.addAttribute("attendance", attendance);
        model.addAttribute("updatedAt", times.minute(record.updatedAt()));
        model.addAttribute("canWrite", scope.writable() && !record.deleted());
        model.addAttribute("deletedAt", times.minute(record.deletedAt()));
        model.addAttribute("errors", errors);
        model.addAttribute("lateAfterDays", ledger.lateAfterDays());
        return "ledger/detail";
    }

    record AttachmentRow(Attachment file, String uploadedAt) {
    }

    record AttendanceLine(String name, AttendanceEntry entry) {
    }

    @GetMapping("/records/{id}/history")
    String history(DataScope scope, @PathVariable long id, Model model) {
        LedgerRecord record = ledger.getIncludingDeleted(scope, id);
        RecordKind kind = kinds.get(record.kind());
        List<HistoryEntry> entries = new ArrayList<>();
        for (Revision revision : ledger.history(scope, id)) {
            List<ChangeLine> lines = revision.changes().stream()
                    .filter(c -> !"deleted".equals(c.key()) || !"UPDATE".equals(revision.action()))
                    .map(c -> new ChangeLine(presenter.changeLabel(kind, c.key()), presenter.changeValue(kind, c.key(), c.before()),
                            presenter.changeValue(kind, c.key(), c.after())))
                    .toList();
            entries.add(new HistoryEntry(revision, times.minute(revision.changedAt()), lines));
        }
        model.addAttribute("record", record);
        model.addAttribute("kind", kind);
        model.addAttribute("entries", entries);
        model.addAttribute("recordedAt", times.minute(record.recordedAt()));
        return "ledger/history";
    }

    record HistoryEntry(Revision revision, String changedAt, List<ChangeLine> changes) {
    }

    record ChangeLine(String label, String before, String after) {
    }

    // ---- delete, restore ----

    @PostMapping("/records/{id}/delete")
    @PreAuthorize(WRITERS)
    String delete(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return forms.submit(false, model, response, redirect, () -> detail(scope, ledger.get(scope, id), fieldErrors(model), model),
                () -> {
                    ledger.delete(scope, id, reason);
                    return forms.done("/ledger", "ledger.flash.deleted");
                });
    }

    @GetMapping("/deleted")
    @PreAuthorize("hasAuthority('records:restore')")
    String deleted(DataScope scope, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String back, Model model) {
        RecordPage page = ledger.deleted(scope, RecordFilter.all(), cursor, PAGE_SIZE);
        model.addAttribute("rows", rows(page.records()));
        model.addAttribute("pager", new KeysetPager(cursor, back, page.next()));
        return "ledger/deleted";
    }

    @PostMapping("/records/{id}/restore")
    @PreAuthorize("hasAuthority('records:restore')")
    String restore(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        // a missing reason is told beside the restore field of the deleted record's page
        return forms.submit(false, model, response, redirect,
                () -> detail(scope, ledger.getIncludingDeleted(scope, id), fieldErrors(model), model), () -> {
                    ledger.restore(scope, id, reason);
                    return forms.done("/ledger/records/" + id, "ledger.flash.restored");
                });
    }

    // ---- evidence ----

    @PostMapping("/records/{id}/attachments")
    @PreAuthorize(WRITERS)
    String upload(DataScope scope, @PathVariable long id,
            @RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        // several photos at once, picked from the phone's gallery; each is checked and stored on its
        // own, so the ones before a refused file are kept and the page says which file was refused
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        String current = null;
        try {
            if (chosen.isEmpty()) {
                ledger.attach(scope, id, (MultipartFile) null);
            }
            for (MultipartFile file : chosen) {
                current = file.getOriginalFilename();
                ledger.attach(scope, id, file);
            }
        } catch (RuleViolationException e) {
            // A refused file is 400; a storage fault of the server 503, with a message that says so.
            response.setStatus(UploadException.pageStatus(e, 400));
            String why = presenter.msg(e.messageKey(), e.args());
            return detail(scope, ledger.get(scope, id),
                    Map.of("file", chosen.size() > 1 ? presenter.msg("ledger.attachments.refusedFile", current, why) : why), model);
        }
        redirect.addFlashAttribute("flash", presenter.msg("ledger.flash.attached"));
        return "redirect:/ledger/records/" + id;
    }

    /** Takes a file off the record, with a reason kept in its history; replacing one is this and an upload. */
    @PostMapping("/records/{id}/attachments/{attachmentId}/remove")
    @PreAuthorize(WRITERS)
    String detach(DataScope scope, @PathVariable long id, @PathVariable long attachmentId,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return forms.submit(false, model, response, redirect, () -> {
            // the reason field of this file's removal form, not the record's delete reason
            Map<String, String> errors = new HashMap<>();
            fieldErrors(model).forEach((field, message) -> errors.put("reason".equals(field) ? "detach-" + attachmentId : field, message));
            return detail(scope, ledger.get(scope, id), errors, model);
        }, () -> {
            ledger.detach(scope, id, attachmentId, reason);
            return forms.done("/ledger/records/" + id + "#attachments", "ledger.flash.detached");
        });
    }

    /** A small JPEG of a photo, so that a page of records does not load every full image. */
    @GetMapping("/attachments/{id}/thumbnail")
    ResponseEntity<byte[]> thumbnail(DataScope scope, @PathVariable long id) {
        return files.thumbnail(ledger.attachment(scope, id));
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<Resource> download(DataScope scope, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean inline) {
        return files.download(ledger.attachment(scope, id), inline);
    }

}
