package org.luoshi.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import org.luoshi.org.OrgUnitService;
import org.luoshi.time.Times;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 个人中心: one's own account and personal access tokens. */
@Controller
class ProfileController {

    private final AccountService accounts;
    private final AccessTokenService tokens;
    private final OrgUnitService units;
    private final MessageSource messages;
    private final Times times;

    ProfileController(AccountService accounts, AccessTokenService tokens, OrgUnitService units, MessageSource messages, Times times) {
        this.times = times;
        this.accounts = accounts;
        this.tokens = tokens;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/account/profile")
    String profile(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("tokenForm", new TokenForm());
        return page(user, model);
    }

    /** The address of the daily digest: refused beside the field with what was typed kept, else saved. */
    @PostMapping("/account/profile/email")
    String email(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("emailForm") EmailForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("tokenForm", new TokenForm());
            return page(user, model);
        }
        accounts.changeEmail(user.getAccountId(), form.getEmail());
        redirect.addFlashAttribute("flash", messages.getMessage("common.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/account/profile";
    }

    /** The secret is shown in this response only (no redirect, no flash), and never again. */
    @PostMapping("/account/profile/tokens")
    String createToken(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult errors, Model model, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            return page(user, model);
        }
        model.addAttribute("issued", tokens.issue(user.getAccountId(), form.getName(), tokens.expiry(form.getExpiresInDays(), times.now())));
        model.addAttribute("tokenForm", new TokenForm());
        return page(user, model);
    }

    @PostMapping("/account/profile/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(user.getAccountId(), id);
        redirect.addFlashAttribute("flash", messages.getMessage("account.token.revoked", null, LocaleContextHolder.getLocale()));
        return "redirect:/account/profile";
    }

    private String page(SignedInUser user, Model model) {
        Account account = accounts.own(user.getAccountId());
        model.addAttribute("account", account);
        model.addAttribute("unit", units.getUnchecked(account.getOrgUnitId()));
        model.addAttribute("tokens", tokens.list(user.getAccountId()));
        if (!model.containsAttribute("emailForm")) {
            EmailForm email = new EmailForm();
            email.setEmail(account.getEmail());
            model.addAttribute("emailForm", email);
        }
        model.addAttribute("now", times.now());
        model.addAttribute("tokenDefaultExpiry", tokens.expiry(null, times.now()));
        return "account/profile";
    }
}
