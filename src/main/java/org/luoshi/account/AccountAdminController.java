package org.luoshi.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.PersonService;
import org.luoshi.time.Times;
import org.luoshi.web.XlsxTable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

/** 账号管理: administrators manage the accounts of the units in their scope. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasAuthority('system:admin')")
class AccountAdminController {

    static final int PAGE_SIZE = 20;

    private final AccountService accounts;
    private final OrgUnitService units;
    private final MessageSource messages;
    private final Times times;
    private final PersonService people;

    AccountAdminController(AccountService accounts, OrgUnitService units, MessageSource messages, Times times,
            PersonService people) {
        this.people = people;
        this.times = times;
        this.accounts = accounts;
        this.units = units;
        this.messages = messages;
    }

    @ModelAttribute("now")
    Instant now() {
        return times.now();
    }

    @GetMapping
    String list(DataScope scope, @RequestParam(required = false) Long unit, @RequestParam(required = false) Role role,
            @RequestParam(required = false) AccountSearch.State state, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        Page<AccountSearch.Row> rows = accounts.search(scope, new AccountSearch.Filter(unit, role, state, text),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("rows", rows);
        model.addAttribute("unit", unit);
        model.addAttribute("role", role);
        model.addAttribute("state", state);
        model.addAttribute("q", text);
        model.addAttribute("states", AccountSearch.State.values());
        addChoices(scope, model);
        return "account/accounts";
    }

    /** The accounts matching the page's filter as .xlsx, with the page's columns, read a page at a time. */
    @GetMapping("/export")
    void export(DataScope scope, @RequestParam(required = false) Long unit, @RequestParam(required = false) Role role,
            @RequestParam(required = false) AccountSearch.State state, @RequestParam(required = false) String q,
            HttpServletResponse response) throws java.io.IOException {
        AccountSearch.Filter filter = new AccountSearch.Filter(unit, role, state, q == null || q.isBlank() ? null : q.strip());
        accounts.search(scope, filter, PageRequest.of(0, 1)); // refuses a unit outside the scope before the download starts
        XlsxTable table = XlsxTable.start(response, messages, times.today(), "account.list.title", "account.field.username",
                "account.field.displayName", "account.field.role", "account.field.unit", "account.field.state",
                "account.field.lastLogin");
        Instant now = times.now();
        Page<AccountSearch.Row> rows;
        int page = 0;
        do {
            rows = accounts.search(scope, filter, PageRequest.of(page++, 500));
            for (AccountSearch.Row row : rows) {
                Account a = row.account();
                List<String> states = new java.util.ArrayList<>();
                states.add(table.text(a.isEnabled() ? "account.state.ENABLED" : "account.state.DISABLED"));
                if (a.isLocked(now)) {
                    states.add(table.text("account.state.LOCKED"));
                }
                if (a.isMustChangePassword()) {
                    states.add(table.text("account.state.mustChange"));
                }
                table.row(a.getUsername(), a.getDisplayName(), table.text(row.roleKey()), row.unitName(),
                        String.join(" ", states), a.getLastLoginAt() == null ? table.text("account.profile.never")
                                : times.minute(a.getLastLoginAt()));
            }
            table.flush();
        } while (rows.hasNext());
        table.finish();
    }

    @GetMapping("/new")
    String createForm(DataScope scope, Model model) {
        model.addAttribute("form", new AccountForm());
        addChoices(scope, model);
        return "account/account-new";
    }

    @PostMapping
    String create(DataScope scope, @Valid @ModelAttribute("form") AccountForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        OrgUnit unit = form.getOrgUnitId() == null ? null : units.get(scope, form.getOrgUnitId());
        if (form.getUsername() != null && accounts.usernameTaken(form.getUsername())) {
            errors.rejectValue("username", "account.username.taken", new Object[] {form.getUsername()}, null);
        }
        checkRoleFits(form.getRole(), unit, errors);
        if (form.getPassword() != null && !form.getPassword().isEmpty()) {
            PasswordPolicy.violations(form.getUsername(), form.getPassword())
                    .forEach(key -> errors.rejectValue("password", key));
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            addChoices(scope, model);
            return "account/account-new";
        }
        Account account = accounts.create(scope, form.getUsername(), form.getDisplayName(), form.getPassword(),
                form.getRole(), form.getOrgUnitId(), true);
        redirect.addFlashAttribute("flash", msg("account.created", account.getUsername()));
        return "redirect:/admin/accounts";
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Account account = accounts.get(scope, id);
        model.addAttribute("account", account);
        model.addAttribute("form", AccountEditForm.of(account));
        addChoices(scope, model);
        model.addAttribute("people", people.peopleOf(scope, account.getOrgUnitId()));
        return "account/account-edit";
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") AccountEditForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Account account = accounts.get(scope, id);
        OrgUnit unit = form.getOrgUnitId() == null ? null : units.get(scope, form.getOrgUnitId());
        checkRoleFits(form.getRole(), unit, errors);
        if (account.getUsername().equals(scope.username())) {
            if (form.getRole() != null && form.getRole() != account.getRole()) {
                errors.rejectValue("role", "account.self.demote");
            }
            if (unit != null && !unit.getId().equals(account.getOrgUnitId())) {
                errors.rejectValue("orgUnitId", "account.self.demote");
            }
        }
        if (form.getPersonId() != null && unit != null
                && !people.get(scope, form.getPersonId()).getOrgUnitId().equals(unit.getId())) {
            errors.rejectValue("personId", "account.person.otherUnit");
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("account", account);
            addChoices(scope, model);
            model.addAttribute("people", people.peopleOf(scope, account.getOrgUnitId()));
            return "account/account-edit";
        }
        accounts.update(scope, id, form.getDisplayName(), form.getRole(), form.getOrgUnitId());
        accounts.linkPerson(scope, id, form.getPersonId());
        redirect.addFlashAttribute("flash", msg("account.updated", account.getUsername()));
        return "redirect:/admin/accounts";
    }

    @PostMapping("/{id}/enable")
    String enable(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        Account account = accounts.setEnabled(scope, id, true);
        redirect.addFlashAttribute("flash", msg("account.enabled", account.getUsername()));
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    @PostMapping("/{id}/disable")
    String disable(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        Account account = accounts.setEnabled(scope, id, false);
        redirect.addFlashAttribute("flash", msg("account.disabled", account.getUsername()));
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    @PostMapping("/{id}/unlock")
    String unlock(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        Account account = accounts.unlock(scope, id);
        redirect.addFlashAttribute("flash", msg("account.unlocked", account.getUsername()));
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    /**
     * Shows the temporary password in the response itself rather than through a redirect, so that
     * it is never stored, not even briefly in the session as a flash attribute.
     */
    @PostMapping("/{id}/reset-password")
    String resetPassword(DataScope scope, @PathVariable long id, Model model) {
        String temporary = accounts.resetPassword(scope, id);
        model.addAttribute("account", accounts.get(scope, id));
        model.addAttribute("temporaryPassword", temporary);
        return "account/password-reset";
    }

    private static void checkRoleFits(Role role, OrgUnit unit, BindingResult errors) {
        if (role != null && unit != null && !role.fits(unit.getKind())) {
            // which tiers the role fits, and what the chosen unit is: 宣传部审核人 at a township is a common slip
            errors.rejectValue("orgUnitId", misfitKey(role), new Object[] {unit.getName()}, null);
        }
    }

    static String misfitKey(Role role) {
        return "account.role.misfit." + role.name();
    }

    private void addChoices(DataScope scope, Model model) {
        List<OrgUnit> tree = units.tree(scope);
        model.addAttribute("units", tree);
        model.addAttribute("baseDepth", tree.isEmpty() ? 0 : tree.get(0).getDepth());
        model.addAttribute("roles", Role.values());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
