package org.luoshi.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How pages answer a posted form or button, one protocol for every module: invalid input shows the
 * page again with the user's input and the messages beside the fields (400); a change the rules
 * refuse shows it again, input kept, with the reason at the top of the form (409, the fragment
 * {@code fragments/form :: ruleError}); a change that is made redirects with a flash message.
 */
@Component
public class FormSubmission {

    private final MessageSource messages;

    FormSubmission(MessageSource messages) {
        this.messages = messages;
    }

    /** Where to go after a change was made, and the message shown there. */
    public record Done(String location, String flash) {
    }

    /**
     * @param invalid whether the input failed validation (the change is then not tried)
     * @param again renders the page again, with the form or the reason
     * @param change makes the change and says where to go
     */
    public String submit(boolean invalid, Model model, HttpServletResponse response, RedirectAttributes redirect,
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
            if (e instanceof StaleEditException stale) {
                // the page offers to save again over the newer copy: its hidden version becomes the current one
                model.addAttribute("currentVersion", stale.currentVersion());
            }
            // A storage fault is the server's (503), not something the user can change in the form.
            response.setStatus(UploadException.pageStatus(e, 409));
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
            return again.get();
        }
    }

    /** A change that was made: go to {@code location} and say the message {@code key}. */
    public Done done(String location, String key, Object... args) {
        return new Done(location, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
    }
}
