package org.luoshi.responsibility;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.time.Times;
import org.luoshi.web.FormSubmission;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.UploadException;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.XlsxTable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
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

/** Which villages and departments signed the year's responsibility letter, and recording a signing. */
@Controller
@RequestMapping("/responsibility/letters")
class LetterController {

    private final LetterService letters;
    private final Townships townships;
    private final AttachmentService attachments;
    private final MessageSource messages;
    private final Times times;
    private final FormSubmission forms;

    LetterController(LetterService letters, Townships townships, AttachmentService attachments, MessageSource messages, Times times,
            FormSubmission forms) {
        this.forms = forms;
        this.times = times;
        this.letters = letters;
        this.townships = townships;
        this.attachments = attachments;
        this.messages = messages;
    }

    @GetMapping
    String list(DataScope scope, @RequestParam(required = false) Long townshipId, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean unsigned, Model model) {
        int chosenYear = year == null ? townships.today().getYear() : year;
        Optional<Long> chosen = townshipId != null ? Optional.of(townshipId) : letters.defaultTownship(scope).map(OrgUnit::getId);
        model.addAttribute("townships", townships.inScope(scope));
        model.addAttribute("year", chosenYear);
        model.addAttribute("unsigned", unsigned);
        chosen.ifPresent(id -> {
            LetterService.LetterStatus status = letters.status(scope, id, chosenYear);
            model.addAttribute("status", status);
            model.addAttribute("rows", unsigned ? status.unsigned() : status.rows());
        });
        return "responsibility/letters";
    }

    /** The list above as .xlsx, with the same township, year and "unsigned only" filter. */
    @GetMapping("/export")
    void export(DataScope scope, @RequestParam(required = false) Long townshipId, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean unsigned, HttpServletResponse response) throws IOException {
        int chosenYear = year == null ? townships.today().getYear() : year;
        long id = townshipId != null ? townshipId
                : letters.defaultTownship(scope).map(OrgUnit::getId).orElseThrow(() -> new NotFoundException("Township", null));
        LetterService.LetterStatus status = letters.status(scope, id, chosenYear);
        XlsxTable table = XlsxTable.start(response, messages, times.today(), "responsibility.letters.title",
                "responsibility.letter.counterpart", "org.unit.kind", "responsibility.letter.state",
                "responsibility.letter.signedOn", "responsibility.letter.signerName", "responsibility.letter.scan",
                "responsibility.note");
        for (LetterService.LetterRow r : unsigned ? status.unsigned() : status.rows()) {
            table.row(r.counterpartName(), table.text("responsibility.unitKind." + r.kind()),
                    table.text(r.signed() ? "responsibility.letter.signed" : "responsibility.letter.unsigned"), r.signedOn(),
                    r.signerName(), table.text(r.hasScan() ? "responsibility.letter.scan.uploaded" : "responsibility.letter.scan.none"),
                    r.note());
        }
        table.finish();
    }

    @GetMapping("/sign")
    @PreAuthorize(GroupController.WRITERS)
    String signForm(DataScope scope, @RequestParam long townshipId, @RequestParam long counterpartId,
            @RequestParam int year, Model model) {
        townships.get(scope, townshipId);
        LetterService.LetterRow row = letters.row(scope, townshipId, counterpartId, year);
        LetterForm form = LetterForm.of(townshipId, year, row);
        // letters are registered the day they are signed: today, when it falls in the letter's year
        if (form.getSignedOn() == null && times.today().getYear() == year) {
            form.setSignedOn(times.today());
        }
        return form(scope, form, row, model);
    }

    @PostMapping("/sign")
    @PreAuthorize(GroupController.WRITERS)
    String sign(DataScope scope, @Valid @ModelAttribute("letterForm") LetterForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (form.getTownshipId() == null || form.getCounterpartUnitId() == null || form.getYear() == null) {
            throw new RuleViolationException("responsibility.letter.incomplete");
        }
        townships.get(scope, form.getTownshipId());
        LetterService.LetterRow row = letters.row(scope, form.getTownshipId(), form.getCounterpartUnitId(), form.getYear());
        letters.dateProblem(form.getSignedOn(), form.getYear())
                .ifPresent(p -> result.rejectValue("signedOn", p.code(), p.args(), null));
        try {
            return forms.submit(result, model, response, redirect, () -> form(scope, form, row, model), () -> {
                try {
                    letters.sign(scope, form.toCommand(), form.getScan(), form.getVersion());
                } catch (RuleViolationException e) {
                    if (e instanceof UploadException || e.messageKey().startsWith("evidence.")) {
                        throw new ScanRefused(e);
                    }
                    throw e;
                }
                return forms.done("/responsibility/letters?townshipId=" + form.getTownshipId() + "&year=" + form.getYear(),
                        "responsibility.letter.saved", row.counterpartName());
            });
        } catch (ScanRefused refused) {
            // A refused scan (or a storage fault) rolls the whole signing back; say so beside the file field.
            RuleViolationException e = refused.reason;
            result.rejectValue("scan", e.messageKey(), e.args(), null);
            response.setStatus(UploadException.pageStatus(e, 400));
            return form(scope, form, row, model);
        }
    }

    /**
     * 集中签订: the township's unsigned letters of the year, each checked, with last year's signer filled
     * in; the date (today, when in the year) and the meeting are shared.
     */
    @GetMapping("/sign-all")
    @PreAuthorize(GroupController.WRITERS)
    String signAllForm(DataScope scope, @RequestParam long townshipId, @RequestParam int year, Model model) {
        LetterService.LetterStatus status = letters.status(scope, townshipId, year);
        Map<Long, String> last = letters.lastSigners(scope, townshipId, year);
        BulkLetterForm form = new BulkLetterForm();
        form.setTownshipId(townshipId);
        form.setYear(year);
        if (times.today().getYear() == year) {
            form.setSignedOn(times.today());
        }
        for (LetterService.LetterRow r : status.unsigned()) {
            BulkLetterForm.Row row = new BulkLetterForm.Row();
            row.setCounterpartUnitId(r.counterpartId());
            row.setSelected(true);
            row.setSignerName(last.get(r.counterpartId()));
            row.setVersion(r.version());
            form.getRows().add(row);
        }
        return bulkForm(scope, form, model);
    }

    @PostMapping("/sign-all")
    @PreAuthorize(GroupController.WRITERS)
    String signAll(DataScope scope, @ModelAttribute("bulkForm") BulkLetterForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (form.getTownshipId() == null || form.getYear() == null) {
            throw new RuleViolationException("responsibility.letter.incomplete");
        }
        townships.get(scope, form.getTownshipId());
        if (form.getSignedOn() == null) {
            result.rejectValue("signedOn", "responsibility.letter.signedOn.required");
        }
        letters.dateProblem(form.getSignedOn(), form.getYear())
                .ifPresent(p -> result.rejectValue("signedOn", p.code(), p.args(), null));
        List<LetterService.BulkEntry> entries = new ArrayList<>();
        for (int i = 0; i < form.getRows().size(); i++) {
            BulkLetterForm.Row row = form.getRows().get(i);
            if (!row.isSelected() || row.getCounterpartUnitId() == null) {
                continue;
            }
            String name = row.getSignerName() == null ? "" : row.getSignerName().strip();
            if (name.isEmpty()) {
                result.rejectValue("rows[" + i + "].signerName", "responsibility.letter.signerName.required");
            } else if (name.length() > 50) {
                result.rejectValue("rows[" + i + "].signerName", "responsibility.letter.signerName.size");
            }
            entries.add(new LetterService.BulkEntry(i, row.getCounterpartUnitId(), name, row.getVersion()));
        }
        if (entries.isEmpty() && !result.hasErrors()) {
            result.reject("responsibility.letter.bulk.noneChosen");
            model.addAttribute("error", messages.getMessage("responsibility.letter.bulk.noneChosen", null,
                    LocaleContextHolder.getLocale()));
        }
        return forms.submit(result, model, response, redirect, () -> bulkForm(scope, form, model), () -> {
            try {
                int signed = letters.signAll(scope, form.getTownshipId(), form.getYear(), form.getSignedOn(),
                        form.getMeetingRecordId(), entries);
                return forms.done("/responsibility/letters?townshipId=" + form.getTownshipId() + "&year=" + form.getYear(),
                        "responsibility.letter.bulk.saved", signed);
            } catch (LettersRefused refused) {
                // a letter saved by someone else since: the form now carries its version, so that
                // submitting again (after reading what is saved) is a deliberate choice
                refused.currentVersions().forEach((i, v) -> form.getRows().get(i).setVersion(v));
                throw refused;
            }
        });
    }

    private String bulkForm(DataScope scope, BulkLetterForm form, Model model) {
        LetterService.LetterStatus status = letters.status(scope, form.getTownshipId(), form.getYear());
        Map<Long, LetterService.LetterRow> byUnit = new java.util.HashMap<>();
        status.rows().forEach(r -> byUnit.put(r.counterpartId(), r));
        model.addAttribute("bulkForm", form);
        model.addAttribute("units", byUnit);
        model.addAttribute("township", townships.get(scope, form.getTownshipId()));
        model.addAttribute("meetings", letters.meetingOptions(scope, form.getTownshipId(), form.getYear()));
        return "responsibility/letters-sign-all";
    }

    /** Carries a refused scan past the form protocol, which would tell it at the top instead of beside the file. */
    private static final class ScanRefused extends RuntimeException {
        private final transient RuleViolationException reason;

        ScanRefused(RuleViolationException reason) {
            super(reason);
            this.reason = reason;
        }
    }

    /** The scan of a letter; a letter outside the user's scope answers 404 before any file is touched. */
    @GetMapping("/{id}/scan")
    ResponseEntity<Resource> scan(DataScope scope, @PathVariable long id) {
        return attachments.download(letters.scan(scope, id), true);
    }

    private String form(DataScope scope, LetterForm form, LetterService.LetterRow row, Model model) {
        model.addAttribute("letterForm", form);
        model.addAttribute("row", row);
        model.addAttribute("township", townships.get(scope, form.getTownshipId()));
        return "responsibility/letter-form";
    }
}
