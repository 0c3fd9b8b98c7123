package org.luoshi.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.luoshi.web.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The second factor's pages: the code at sign-in, and setting it up or turning it off on the profile. */
@Controller
class SecondFactorController {

    /** The secret offered while setting up, kept in the session until a code proves the app has it. */
    static final String OFFERED = "luoshi.secondFactorOffered";

    private final SecondFactor factor;
    private final AccountService accounts;
    private final MessageSource messages;

    SecondFactorController(SecondFactor factor, AccountService accounts, MessageSource messages) {
        this.factor = factor;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping(SecondFactorGate.VERIFY_PATH)
    String codePage() {
        return "account/second-factor-code";
    }

    @PostMapping(SecondFactorGate.VERIFY_PATH)
    String verify(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
        if (factor.verify(user.getAccountId(), code)) {
            request.getSession().removeAttribute(SecondFactorGate.ATTRIBUTE);
            return "redirect:/";
        }
        if (factor.locked(user.getAccountId())) {
            // locked by wrong codes: the half-finished sign-in ends; the login page says what it always says
            request.getSession().invalidate();
            return "redirect:/login?error";
        }
        response.setStatus(400);
        model.addAttribute("codeError", msg("account.secondFactor.wrongCode"));
        return "account/second-factor-code";
    }

    @GetMapping(SecondFactorGate.SET_UP_PATH)
    String setUpPage(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        Account account = accounts.own(user.getAccountId());
        model.addAttribute("enabled", account.hasSecondFactor());
        model.addAttribute("required", factor.required(account));
        if (account.hasSecondFactor()) {
            model.addAttribute("codesLeft", factor.recoveryCodesLeft(account.getId()));
        } else {
            String secret = (String) session.getAttribute(OFFERED);
            if (secret == null) {
                secret = Totp.newSecret();
                session.setAttribute(OFFERED, secret);
            }
            model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
            model.addAttribute("uri", Totp.uri("落实", account.getUsername(), secret));
        }
        return "account/second-factor";
    }

    @PostMapping(SecondFactorGate.SET_UP_PATH)
    String enable(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String code,
            HttpSession session, HttpServletResponse response, Model model) {
        String secret = (String) session.getAttribute(OFFERED);
        if (secret == null) {
            return "redirect:" + SecondFactorGate.SET_UP_PATH;
        }
        try {
            List<String> codes = factor.enable(user.getAccountId(), secret, code);
            session.removeAttribute(OFFERED);
            session.removeAttribute(SecondFactorGate.ATTRIBUTE);
            model.addAttribute("recoveryCodes", codes);
            return "account/second-factor-codes";
        } catch (RuleViolationException e) {
            response.setStatus(400);
            model.addAttribute("codeError", msg(e.messageKey()));
            return setUpPage(user, session, model);
        }
    }

    @PostMapping(SecondFactorGate.SET_UP_PATH + "/disable")
    String disable(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String code,
            HttpSession session, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            factor.disable(user.getAccountId(), code);
        } catch (RuleViolationException e) {
            response.setStatus(400);
            model.addAttribute("codeError", msg(e.messageKey()));
            return setUpPage(user, session, model);
        }
        redirect.addFlashAttribute("flash", msg("account.secondFactor.disabled"));
        return "redirect:/account/profile";
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
