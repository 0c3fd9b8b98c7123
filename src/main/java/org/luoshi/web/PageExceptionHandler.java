package org.luoshi.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors of the pages: a Chinese error page with the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(1)
class PageExceptionHandler {

    private final MessageSource messages;

    PageExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        return error(response, model, 404, "error.notFound");
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, HttpServletResponse response, Model model) {
        return error(response, model, 403, e instanceof DeniedException d ? d.messageKey() : "error.forbidden");
    }

    @ExceptionHandler(RuleViolationException.class)
    String rule(RuleViolationException e, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("status", 409);
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        return "error";
    }

    /** A refused upload no form caught (each form should show it beside its field); the status says whose fault it is. */
    @ExceptionHandler(UploadException.class)
    String upload(UploadException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        return "error";
    }

    private String error(HttpServletResponse response, Model model, int status, String key) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", messages.getMessage(key, null, LocaleContextHolder.getLocale()));
        return "error";
    }
}
