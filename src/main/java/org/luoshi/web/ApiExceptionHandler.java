package org.luoshi.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the REST API as {@code application/problem+json}, with field errors and Chinese messages. */
@RestControllerAdvice(annotations = ApiController.class)
@Order(0)
class ApiExceptionHandler {

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail invalid(BindException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, msg("error.validation"));
        List<Map<String, String>> fields = e.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, LocaleContextHolder.getLocale())))
                .toList();
        problem.setProperty("fieldErrors", fields);
        List<String> global = e.getGlobalErrors().stream()
                .map(g -> messages.getMessage(g, LocaleContextHolder.getLocale())).toList();
        if (!global.isEmpty()) {
            problem.setProperty("errors", global);
        }
        return problem;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, msg("error.validation"));
        problem.setProperty("errors", e.getConstraintViolations().stream().map(v -> v.getMessage()).toList());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, msg("error.notFound"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, msg(e instanceof DeniedException d ? d.messageKey() : "error.forbidden"));
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail rule(RuleViolationException e) {
        return problem(HttpStatus.CONFLICT, messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
    }

    /** A refused or unstorable upload: 400, 413 or 415 for the file, 503 for the server's storage; {@code code} names the reason. */
    @ExceptionHandler(UploadException.class)
    ProblemDetail upload(UploadException e) {
        ProblemDetail problem = problem(e.status(), messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        problem.setProperty("code", e.messageKey());
        return problem;
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail conflict(ObjectOptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, msg("error.concurrentEdit"));
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
