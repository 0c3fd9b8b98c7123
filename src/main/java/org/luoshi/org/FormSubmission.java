package org.luoshi.org;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.luoshi.web.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the org pages answer a posted form or button: invalid input shows the page again (400), a
 * change the rules refuse shows it again with the reason (409), a change that is made redirects
 * with a flash message.
 */
@Component
class FormSubmission {

    private final MessageSource messages;

    FormSubmission(MessageSource messages) {
        this.messages = messages;
    }

    /** Where to go after a change was made, and the message shown there. */
    record Done(String location, String flash) {
    }

    /**
     * @param invalid whether the input failed validation (the change is then not tried)
     * @param again renders the page again, with the form or the reason
     * @param change makes the change and says where to go
     */
    String submit(boolean invalid, Model model, HttpServletResponse response, RedirectAttributes redirect,
            Supplier<String> again, Supplier<Done> change) {
        if (invalid) {
            response.setStatus(400);
            return again.get();
        }
        try {
            Done done = change.get();
            redirect.addFlashAttribute("flash", done.flash());
            return "redirect:" + done.location();
        } catch (RuleViolationException e) {
            response.setStatus(409);
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
            return again.get();
        }
    }

    /** A change that was made: go to {@code location} and say the message {@code key}. */
    Done done(String location, String key, Object... args) {
        return new Done(location, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
    }
}
