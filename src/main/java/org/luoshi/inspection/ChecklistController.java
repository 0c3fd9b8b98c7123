package org.luoshi.inspection;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.luoshi.inspection.Forms.ChecklistForm;
import org.luoshi.inspection.Forms.ItemForm;
import org.luoshi.time.Times;
import org.luoshi.web.UploadException;
import org.luoshi.web.XlsxTable;
import org.luoshi.web.FormSubmission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
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

/** 检查清单 pages: list, create, import and export .xlsx, items. */
@Controller
@RequestMapping("/inspection/checklists")
class ChecklistController {

    static final String SUPERVISORS = "hasAuthority('supervision:run')";

    private final ChecklistService checklists;
    private final OrgUnitService units;
    private final MessageSource messages;
    private final Times times;
    private final FormSubmission forms;

    ChecklistController(ChecklistService checklists, OrgUnitService units, MessageSource messages, Times times,
            FormSubmission forms) {
        this.forms = forms;
        this.times = times;
        this.checklists = checklists;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping
    String list(DataScope scope, Authentication auth, Model model) {
        Actor actor = Actor.of(scope, auth);
        if (!model.containsAttribute("checklistForm")) {
            model.addAttribute("checklistForm", ChecklistForm.empty());
        }
        model.addAttribute("checklists", checklists.list(actor));
        model.addAttribute("mayCreate", actor.supervises());
        model.addAttribute("unitNames", new UnitNames(units));
        return "inspection/checklists";
    }

    /** The checklists the user sees, as .xlsx with the page's columns. */
    @GetMapping("/export")
    void export(DataScope scope, Authentication auth, HttpServletResponse response) throws IOException {
        UnitNames unitNames = new UnitNames(units);
        XlsxTable table = XlsxTable.start(response, messages, times.today(), "inspection.checklists.title", "inspection.checklist.title",
                "inspection.checklist.directiveRef", "inspection.checklist.owner", "inspection.checklist.createdAt");
        for (Checklist c : checklists.list(Actor.of(scope, auth))) {
            table.row(c.getTitle(), c.getDirectiveRef(), unitNames.of(c.getOwnerUnitId()),
                    times.date(c.getCreatedAt()));
        }
        table.finish();
    }

    @PostMapping
    @PreAuthorize(SUPERVISORS)
    String create(DataScope scope, Authentication auth, @Valid @ModelAttribute("checklistForm") ChecklistForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            return list(scope, auth, model);
        }
        Checklist created = checklists.create(Actor.of(scope, auth), form.toCommand(), List.of());
        redirect.addFlashAttribute("flash", msg("common.saved"));
        return "redirect:/inspection/checklists/" + created.getId();
    }

    @PostMapping("/import")
    @PreAuthorize(SUPERVISORS)
    String importXlsx(DataScope scope, Authentication auth, @Valid @ModelAttribute("checklistForm") ChecklistForm form,
            BindingResult errors, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        if (errors.hasErrors()) {
            response.setStatus(400);
            return list(scope, auth, model);
        }
        try {
            InputStream upload = file == null ? InputStream.nullInputStream() : file.getInputStream();
            Checklist created = checklists.importXlsx(Actor.of(scope, auth), form.toCommand(), upload);
            redirect.addFlashAttribute("flash", msg("inspection.import.done"));
            return "redirect:/inspection/checklists/" + created.getId();
        } catch (ChecklistImportException e) {
            response.setStatus(400);
            model.addAttribute("importErrors", e.errors());
            return list(scope, auth, model);
        } catch (UploadException e) {
            response.setStatus(UploadException.pageStatus(e, 400));
            model.addAttribute("importErrors", List.of(messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale())));
            return list(scope, auth, model);
        }
    }

    @GetMapping("/{id}")
    String detail(DataScope scope, Authentication auth, @PathVariable long id, Model model) {
        Actor actor = Actor.of(scope, auth);
        Checklist checklist = checklists.get(actor, id);
        model.addAttribute("checklist", checklist);
        model.addAttribute("items", checklists.items(actor, id));
        model.addAttribute("mayEdit", checklists.mayEdit(actor, checklist));
        model.addAttribute("mayStartSelf", scope.writable());
        model.addAttribute("mayVisit", actor.supervises());
        model.addAttribute("owner", units.getUnchecked(checklist.getOwnerUnitId()).getName());
        model.addAttribute("categories", FindingCategory.values());
        if (!model.containsAttribute("itemForm")) {
            model.addAttribute("itemForm", ItemForm.empty());
        }
        if (!model.containsAttribute("checklistForm")) {
            model.addAttribute("checklistForm", new ChecklistForm(checklist.getTitle(), checklist.getDirectiveRef(),
                    checklist.getDescription(), checklist.getVersion()));
        }
        return "inspection/checklist";
    }

    @PostMapping("/{id}")
    @PreAuthorize(SUPERVISORS)
    String update(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("checklistForm") ChecklistForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(scope, auth, id, errors, model, response, redirect,
                actor -> checklists.update(actor, id, form.toCommand(), form.getVersion()));
    }

    @PostMapping("/{id}/items")
    @PreAuthorize(SUPERVISORS)
    String addItem(DataScope scope, Authentication auth, @PathVariable long id,
            @Valid @ModelAttribute("itemForm") ItemForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(scope, auth, id, errors, model, response, redirect,
                actor -> checklists.addItem(actor, id, form.toCommand()));
    }

    @PostMapping("/{id}/items/{itemId}/delete")
    @PreAuthorize(SUPERVISORS)
    String deleteItem(DataScope scope, Authentication auth, @PathVariable long id, @PathVariable long itemId,
            RedirectAttributes redirect) {
        checklists.deleteItem(Actor.of(scope, auth), id, itemId);
        redirect.addFlashAttribute("flash", msg("common.deleted"));
        return "redirect:/inspection/checklists/" + id;
    }

    @GetMapping("/{id}/export.xlsx")
    void export(DataScope scope, Authentication auth, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        Actor actor = Actor.of(scope, auth);
        Checklist checklist = checklists.get(actor, id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(checklist.getTitle() + ".xlsx", StandardCharsets.UTF_8).build().toString());
        checklists.export(actor, id, response.getOutputStream());
    }

    /** A checklist form, answered by the one protocol: the page again with the input and the reason, or saved. */
    private String act(DataScope scope, Authentication auth, long id, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Consumer<Actor> action) {
        return forms.submit(errors, model, response, redirect, () -> detail(scope, auth, id, model), () -> {
            action.accept(Actor.of(scope, auth));
            return forms.done("/inspection/checklists/" + id, "common.saved");
        });
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
