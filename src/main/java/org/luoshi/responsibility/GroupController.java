package org.luoshi.responsibility;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Optional;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.time.Times;
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

/** The leading group page of a township: seats bound to posts, with the current holders. */
@Controller
@RequestMapping("/responsibility/groups")
class GroupController {

    static final String WRITERS = "hasAuthority('township:manage')";

    private final LeadingGroupService groups;
    private final Townships townships;
    private final MessageSource messages;
    private final Times times;
    private final org.luoshi.web.FormSubmission forms;

    GroupController(LeadingGroupService groups, Townships townships, MessageSource messages, Times times,
            org.luoshi.web.FormSubmission forms) {
        this.forms = forms;
        this.times = times;
        this.groups = groups;
        this.townships = townships;
        this.messages = messages;
    }

    @GetMapping
    String group(DataScope scope, @RequestParam(required = false) Long townshipId, Model model) {
        Optional<OrgUnit> chosen = townships.chosen(scope, townshipId);
        model.addAttribute("townships", townships.inScope(scope));
        if (chosen.isPresent()) {
            LeadingGroupService.GroupView group = groups.view(scope, chosen.get().getId());
            model.addAttribute("group", group);
            if (!model.containsAttribute("groupForm")) {
                GroupForm form = group.exists() ? GroupForm.of(group) : new GroupForm();
                if (!group.exists()) {
                    form.setName(group.townshipName() + LeadingGroupService.DEFAULT_NAME);
                }
                model.addAttribute("groupForm", form);
            }
        }
        return "responsibility/groups";
    }

    /** The seats of the chosen township's leading group as .xlsx, in the page's order and columns. */
    @GetMapping("/export")
    void export(DataScope scope, @RequestParam(required = false) Long townshipId, HttpServletResponse response) throws IOException {
        OrgUnit township = townships.chosen(scope, townshipId).orElseThrow(() -> new NotFoundException("Township", null));
        LeadingGroupService.GroupView group = groups.view(scope, township.getId());
        XlsxTable table = XlsxTable.start(response, messages, times.today(), "responsibility.groups.title", "responsibility.seat.role",
                "responsibility.post", "responsibility.holder", "responsibility.seat.duty", "responsibility.confirmedAt");
        for (LeadingGroupService.SeatView s : group.seats()) {
            table.row(table.text("responsibility.seatRole." + s.role()), s.postTitle(),
                    s.holderName() == null ? table.text("responsibility.vacant") : s.holderName(), s.duty(), times.date(s.confirmedAt()));
        }
        table.finish();
    }

    @PostMapping("/{townshipId}")
    @PreAuthorize(WRITERS)
    String describe(DataScope scope, @PathVariable long townshipId, @Valid @ModelAttribute("groupForm") GroupForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return forms.submit(result.hasErrors(), model, response, redirect, () -> group(scope, townshipId, model), () -> {
            groups.describe(scope, townshipId, form.toCommand(), form.getVersion());
            return forms.done("/responsibility/groups?townshipId=" + townshipId, "common.saved");
        });
    }

    @GetMapping("/{townshipId}/seats/new")
    @PreAuthorize(WRITERS)
    String newSeat(DataScope scope, @PathVariable long townshipId, Model model) {
        SeatForm form = new SeatForm();
        form.setRole(SeatRole.MEMBER);
        return seatForm(scope, townshipId, null, form, model);
    }

    @PostMapping("/{townshipId}/seats")
    @PreAuthorize(WRITERS)
    String addSeat(DataScope scope, @PathVariable long townshipId, @Valid @ModelAttribute("seatForm") SeatForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(400);
            return seatForm(scope, townshipId, null, form, model);
        }
        groups.addSeat(scope, townshipId, form.toCommand());
        redirect.addFlashAttribute("flash", msg("responsibility.seat.saved"));
        return "redirect:/responsibility/groups?townshipId=" + townshipId;
    }

    @GetMapping("/{townshipId}/seats/{seatId}/edit")
    @PreAuthorize(WRITERS)
    String editSeat(DataScope scope, @PathVariable long townshipId, @PathVariable long seatId, Model model) {
        return seatForm(scope, townshipId, seatId, SeatForm.of(groups.seat(scope, townshipId, seatId)), model);
    }

    @PostMapping("/{townshipId}/seats/{seatId}")
    @PreAuthorize(WRITERS)
    String updateSeat(DataScope scope, @PathVariable long townshipId, @PathVariable long seatId,
            @Valid @ModelAttribute("seatForm") SeatForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return forms.submit(result, model, response, redirect, () -> seatForm(scope, townshipId, seatId, form, model), () -> {
            groups.updateSeat(scope, townshipId, seatId, form.toCommand(), form.getVersion());
            return forms.done("/responsibility/groups?townshipId=" + townshipId, "responsibility.seat.saved");
        });
    }

    @PostMapping("/{townshipId}/seats/{seatId}/delete")
    @PreAuthorize(WRITERS)
    String removeSeat(DataScope scope, @PathVariable long townshipId, @PathVariable long seatId,
            RedirectAttributes redirect) {
        groups.removeSeat(scope, townshipId, seatId);
        redirect.addFlashAttribute("flash", msg("common.deleted"));
        return "redirect:/responsibility/groups?townshipId=" + townshipId;
    }

    @PostMapping("/{townshipId}/seats/{seatId}/confirm")
    @PreAuthorize(WRITERS)
    String confirmSeat(DataScope scope, @PathVariable long townshipId, @PathVariable long seatId,
            @RequestParam(required = false) String from, RedirectAttributes redirect) {
        groups.confirmSeat(scope, townshipId, seatId);
        redirect.addFlashAttribute("flash", msg("responsibility.confirmed"));
        return "attention".equals(from) ? "redirect:/responsibility/attention"
                : "redirect:/responsibility/groups?townshipId=" + townshipId;
    }

    @PostMapping("/{townshipId}/confirm")
    @PreAuthorize(WRITERS)
    String confirm(DataScope scope, @PathVariable long townshipId, RedirectAttributes redirect) {
        groups.confirm(scope, townshipId);
        redirect.addFlashAttribute("flash", msg("responsibility.group.confirmed"));
        return "redirect:/responsibility/groups?townshipId=" + townshipId;
    }

    private String seatForm(DataScope scope, long townshipId, Long seatId, SeatForm form, Model model) {
        OrgUnit township = townships.get(scope, townshipId);
        model.addAttribute("township", township);
        model.addAttribute("seatId", seatId);
        model.addAttribute("seatForm", form);
        model.addAttribute("roles", SeatRole.values());
        model.addAttribute("posts", townships.postOptions(scope, township));
        return "responsibility/seat-form";
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
