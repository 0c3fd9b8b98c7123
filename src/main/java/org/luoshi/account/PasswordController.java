package org.luoshi.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.luoshi.web.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码: every signed-in user; the only page open to one whose password must change. */
@Controller
class PasswordController {

    private final AccountService accounts;
    private final MessageSource messages;

    PasswordController(AccountService accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form(HttpSession session, Model model) {
        model.addAttribute("form", new PasswordForm());
        model.addAttribute("forced", session.getAttribute(PasswordChangeGate.ATTRIBUTE) != null);
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors, HttpSession session, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword")) {
            PasswordPolicy.violations(user.getUsername(), form.getNewPassword())
                    .forEach(key -> errors.rejectValue("newPassword", key));
        }
        if (!errors.hasFieldErrors("repeatPassword") && !errors.hasFieldErrors("newPassword")
                && !form.getNewPassword().equals(form.getRepeatPassword())) {
            errors.rejectValue("repeatPassword", "account.password.repeatMismatch");
        }
        if (!errors.hasErrors()) {
            try {
                accounts.changeOwnPassword(user.getAccountId(), form.getCurrentPassword(), form.getNewPassword(),
                        session.getId());
            } catch (RuleViolationException e) {
                String field = e.messageKey().equals("account.password.currentWrong")
                        || e.messageKey().equals("account.password.locked") ? "currentPassword" : "newPassword";
                errors.rejectValue(field, e.messageKey(), e.args(), null);
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("forced", session.getAttribute(PasswordChangeGate.ATTRIBUTE) != null);
            return "account/password";
        }
        session.removeAttribute(PasswordChangeGate.ATTRIBUTE);
        redirect.addFlashAttribute("flash", messages.getMessage("account.password.changed", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/";
    }
}
