package org.luoshi.responsibility;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Optional;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.time.Times;
import org.luoshi.web.FormSubmission;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.XlsxTable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** 第一责任人, 直接责任人 and 一岗双责 of a township, with the fields each covers. */
@Controller
@RequestMapping("/responsibility/duties")
class DutyController {

    private final ResponsibilityService duties;
    private final Townships townships;
    private final MessageSource messages;
    private final Times times;
    private final FormSubmission forms;

    DutyController(ResponsibilityService duties, Townships townships, MessageSource messages, Times times, FormSubmission forms) {
        this.forms = forms;
        this.times = times;
        this.duties = duties;
        this.townships = townships;
        this.messages = messages;
    }

    @GetMapping
    String list(DataScope scope, @RequestParam(required = false) Long townshipId, Model model) {
        Optional<OrgUnit> chosen = townships.chosen(scope, townshipId);
        model.addAttribute("townships", townships.inScope(scope));
        chosen.ifPresent(t -> {
            model.addAttribute("township", t);
            model.addAttribute("duties", duties.list(scope, t.getId()));
        });
        return "responsibility/duties";
    }

    /** The duties of the chosen township as .xlsx, in the page's order and columns. */
    @GetMapping("/export")
    void export(DataScope scope, @RequestParam(required = false) Long townshipId, HttpServletResponse response) throws IOException {
        OrgUnit township = townships.chosen(scope, townshipId).orElseThrow(() -> new NotFoundException("Township", null));
        XlsxTable table = XlsxTable.start(response, messages, times.today(), "responsibility.duties.title", "responsibility.duty.kind",
                "responsibility.post", "responsibility.holder", "responsibility.duty.scope", "responsibility.confirmedAt");
        for (ResponsibilityService.DutyView d : duties.list(scope, township.getId())) {
            table.row(table.text("responsibility.kind." + d.kind()), d.postTitle(),
                    d.holderName() == null ? table.text("responsibility.vacant") : d.holderName(),
                    d.scope() == null ? table.text("responsibility.duty.scope.all") : d.scope(), times.date(d.confirmedAt()));
        }
        table.finish();
    }

    @GetMapping("/new")
    @PreAuthorize(GroupController.WRITERS)
    String newDuty(DataScope scope, @RequestParam long townshipId, Model model) {
        DutyForm form = new DutyForm();
        form.setKind(ResponsibilityKind.DUAL_DUTY);
        return form(scope, townshipId, null, form, model);
    }

    @PostMapping
    @PreAuthorize(GroupController.WRITERS)
    String create(DataScope scope, @RequestParam long townshipId, @Valid @ModelAttribute("dutyForm") DutyForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        checkScope(form, result);
        return forms.submit(result, model, response, redirect, () -> form(scope, townshipId, null, form, model),
                () -> {
                    duties.create(scope, form.toCommand(townshipId));
                    return forms.done("/responsibility/duties?townshipId=" + townshipId, "common.saved");
                });
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(GroupController.WRITERS)
    String edit(DataScope scope, @PathVariable long id, Model model) {
        ResponsibilityService.DutyView duty = duties.get(scope, id);
        return form(scope, duty.townshipId(), id, DutyForm.of(duty), model);
    }

    @PostMapping("/{id}")
    @PreAuthorize(GroupController.WRITERS)
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("dutyForm") DutyForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long townshipId = duties.get(scope, id).townshipId();
        checkScope(form, result);
        return forms.submit(result, model, response, redirect, () -> form(scope, townshipId, id, form, model),
                () -> {
                    duties.update(scope, id, form.toCommand(townshipId), form.getVersion());
                    return forms.done("/responsibility/duties?townshipId=" + townshipId, "common.saved");
                });
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize(GroupController.WRITERS)
    String delete(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        long townshipId = duties.get(scope, id).townshipId();
        duties.delete(scope, id);
        redirect.addFlashAttribute("flash", msg("common.deleted"));
        return "redirect:/responsibility/duties?townshipId=" + townshipId;
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize(GroupController.WRITERS)
    String confirm(DataScope scope, @PathVariable long id, @RequestParam(required = false) String from,
            RedirectAttributes redirect) {
        long townshipId = duties.get(scope, id).townshipId();
        duties.confirm(scope, id);
        redirect.addFlashAttribute("flash", msg("responsibility.confirmed"));
        return "attention".equals(from) ? "redirect:/responsibility/attention"
                : "redirect:/responsibility/duties?townshipId=" + townshipId;
    }

    @PostMapping("/confirm")
    @PreAuthorize(GroupController.WRITERS)
    String confirmAll(DataScope scope, @RequestParam long townshipId, RedirectAttributes redirect) {
        duties.confirmAll(scope, townshipId);
        redirect.addFlashAttribute("flash", msg("responsibility.confirmed"));
        return "redirect:/responsibility/duties?townshipId=" + townshipId;
    }

    static void checkScope(DutyForm form, BindingResult result) {
        if (DutyForm.scopeMissing(form.getKind(), form.getScope())) {
            result.rejectValue("scope", "responsibility.duty.scope.required");
        }
    }

    private String form(DataScope scope, long townshipId, Long id, DutyForm form, Model model) {
        OrgUnit township = townships.get(scope, townshipId);
        model.addAttribute("township", township);
        model.addAttribute("dutyId", id);
        model.addAttribute("dutyForm", form);
        model.addAttribute("kinds", ResponsibilityKind.values());
        model.addAttribute("posts", townships.postOptions(scope, township));
        return "responsibility/duty-form";
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
