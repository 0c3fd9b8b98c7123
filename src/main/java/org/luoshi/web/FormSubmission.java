package org.luoshi.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How pages answer a posted form or button, one protocol for every module: invalid input shows the
 * page again with the user's input and all the messages beside the fields at once (400); a change
 * the rules refuse shows it again, input kept, with the reason beside the field it concerns
 * ({@link RuleViolationException#at}) or at the top of the form (409, the fragment
 * {@code fragments/form :: ruleError}); input the service refuses field by field ({@link FieldRefusal})
 * shows all its messages beside their fields (400); a change that is made redirects with a flash
 * message. It never ends on an error page: what the user typed is never lost.
 *
 * <p>Messages beside fields go into the form's {@link BindingResult} where the field is one of its
 * properties, else into the model's {@value #FIELD_ERRORS} map (field → message), which pages with
 * fields of their own naming (the ledger's per-kind fields) read.
 */
@Component
public class FormSubmission {

    /** Model attribute: messages for fields no bound form holds, by field name. */
    public static final String FIELD_ERRORS = "fieldErrors";

    private final MessageSource messages;

    FormSubmission(MessageSource messages) {
        this.messages = messages;
    }

    /** Where to go after a change was made, and the message shown there. */
    public record Done(String location, String flash) {
    }

    /**
     * A form bound to an object: its validation errors, and a refusal about one of its fields, are
     * shown beside the fields.
     *
     * @param form the binding of the posted form
     * @param again renders the page again, with the form or the reason
     * @param change makes the change and says where to go
     */
    public String submit(BindingResult form, Model model, HttpServletResponse response, RedirectAttributes redirect,
            Supplier<String> again, Supplier<Done> change) {
        return run(form, form.hasErrors(), model, response, redirect, again, change);
    }

    /**
     * A button or a form without a bound object: {@code invalid} says whether its input failed
     * validation (the change is then not tried); a refusal is told at the top.
     */
    public String submit(boolean invalid, Model model, HttpServletResponse response, RedirectAttributes redirect,
            Supplier<String> again, Supplier<Done> change) {
        return run(null, invalid, model, response, redirect, again, change);
    }

    private String run(BindingResult form, boolean invalid, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Supplier<String> again, Supplier<Done> change) {
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
            String message = message(e.messageKey(), e.args());
            if (e.field() == null) {
                model.addAttribute("error", message);
            } else {
                besideField(form, model, e.field(), e.messageKey(), e.args(), message);
            }
            return again.get();
        } catch (RuntimeException e) {
            if (!(e instanceof FieldRefusal refusal)) {
                throw e;
            }
            response.setStatus(400);
            for (FieldRefusal.Message m : refusal.refusedFields()) {
                besideField(form, model, m.field(), m.key(), m.args(), message(m.key(), m.args()));
            }
            return again.get();
        }
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static void besideField(BindingResult form, Model model, String field, String key, Object[] args, String message) {
        if (form != null) {
            try {
                form.rejectValue(field, key, args, message);
                return;
            } catch (InvalidPropertyException notThisForm) {
                // a field the bound form does not hold as a property: the map below
            }
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> byField = (java.util.Map<String, String>) model.asMap()
                .computeIfAbsent(FIELD_ERRORS, k -> new java.util.LinkedHashMap<String, String>());
        byField.merge(field, message, (a, b) -> a + " " + b);
    }

    /** A change that was made: go to {@code location} and say the message {@code key}. */
    public Done done(String location, String key, Object... args) {
        return new Done(location, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
    }
}
