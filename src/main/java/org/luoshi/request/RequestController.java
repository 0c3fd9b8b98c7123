package org.luoshi.request;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Permission;
import org.luoshi.report.ReportRequests;
import org.luoshi.web.FormSubmission;
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

/** The request pages: the county sends and decides, a township answers from its records. */
@Controller
@RequestMapping("/requests")
class RequestController {

    private final RequestService requests;
    private final OrgUnitService units;
    private final FormSubmission forms;
    private final MessageSource messages;

    RequestController(RequestService requests, OrgUnitService units, FormSubmission forms, MessageSource messages) {
        this.requests = requests;
        this.units = units;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    String list(DataScope scope, Model model) {
        boolean sender = requests.maySend(scope);
        model.addAttribute("sender", sender);
        model.addAttribute("sent", sender ? requests.sent(scope) : List.of());
        List<RequestService.AnswerRow> received = requests.received(scope);
        model.addAttribute("received", received);
        int year = requests.today().getYear();
        model.addAttribute("year", year);
        model.addAttribute("receivedThisYear", requests.receivedIn(scope, year).getOrDefault(scope.unitId(), 0L));
        return "request/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('county:oversee')")
    String newRequest(DataScope scope, Model model) {
        RequestForm form = new RequestForm();
        int year = requests.today().getYear();
        form.setFrom(java.time.LocalDate.of(year, 1, 1));
        form.setTo(requests.today());
        form.setDeadline(requests.today().plusDays(7));
        return newPage(scope, form, model);
    }

    private String newPage(DataScope scope, RequestForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("measures", Measure.values());
        model.addAttribute("reportKinds", ReportRequests.requestableKinds());
        model.addAttribute("townships", requests.recipients(scope));
        return "request/new";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('county:oversee')")
    String send(DataScope scope, @Valid @ModelAttribute("form") RequestForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        boolean forReport = form.getReportKind() != null && !form.getReportKind().isBlank();
        boolean withTemplate = form.getTemplate() != null && !form.getTemplate().isEmpty();
        if (!forReport && !withTemplate && form.getMeasures().isEmpty() && form.questionList().isEmpty()) {
            // a table asks for at least a measure or a question; a report request for neither
            errors.rejectValue("measures", "request.validation.measures", msg("request.validation.measures"));
        }
        return forms.submit(errors, model, response, redirect, () -> newPage(scope, form, model), () -> {
            ReportingTask task = requests.send(scope, form.toCommand());
            return forms.done("/requests/" + task.getId(), "request.sent", task.getTitle());
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('county:oversee')")
    String task(DataScope scope, @PathVariable long id, Model model) {
        ReportingTask task = requests.task(scope, id);
        model.addAttribute("task", task);
        model.addAttribute("rows", requests.rows(scope, task));
        model.addAttribute("sender", task.getOwnerUnitId() == scope.unitId());
        return "request/task";
    }

    @PostMapping("/{id}/remind")
    @PreAuthorize("hasAuthority('county:oversee')")
    String remind(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        int n = requests.remind(scope, id);
        redirect.addFlashAttribute("flash", messages.getMessage("request.reminded", new Object[] {n},
                LocaleContextHolder.getLocale()));
        return "redirect:/requests/" + id;
    }

    /** All answers in one sheet: a row per township, a column per measure, typed-over figures named. */
    @GetMapping("/{id}/answers.xlsx")
    @PreAuthorize("hasAuthority('county:oversee')")
    void export(DataScope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        ReportingTask task = requests.task(scope, id);
        List<RequestService.AnswerRow> rows = requests.rows(scope, task);
        List<String> headers = new ArrayList<>(List.of("request.export.township", "request.export.status",
                "request.export.submittedAt", "request.export.late"));
        task.getMeasures().forEach(m -> headers.add("request.measure." + m.name()));
        if (task.isForReport()) {
            headers.add("request.export.report");
        }
        if (!task.getQuestions().isEmpty()) {
            headers.add("request.export.replies");
        }
        headers.add("request.export.typed");
        headers.add("request.export.explanation");
        XlsxTable table = XlsxTable.start(response, messages, requests.today(), "request.export.file",
                headers.toArray(String[]::new));
        for (RequestService.AnswerRow row : rows) {
            TaskAnswer a = row.answer();
            List<Object> cells = new ArrayList<>();
            cells.add(row.township().getName());
            cells.add(table.text("request.status." + a.getStatus().name()));
            cells.add(a.getSubmittedAt() == null ? null : a.getSubmittedAt().atZone(requests.zone()).toLocalDate().toString());
            cells.add(row.late());
            List<String> typed = new ArrayList<>();
            for (Measure m : task.getMeasures()) {
                TaskFigure f = a.isAnswered() ? a.figure(m).orElse(null) : null;
                cells.add(f == null ? null : f.getAnswered());
                if (f != null && f.isTypedOver()) {
                    typed.add(table.text("request.measure." + m.name()));
                }
            }
            if (task.isForReport()) {
                cells.add(a.isAnswered() ? requests.report(scope, a).map(r -> r.title() + "（"
                        + table.text("report.status." + r.status()) + "）").orElse(null) : null);
            }
            if (!task.getQuestions().isEmpty()) {
                List<String> replies = new ArrayList<>();
                for (int i = 0; i < task.getQuestions().size(); i++) {
                    if (a.isAnswered() && a.reply(i) != null) {
                        replies.add((i + 1) + ". " + task.getQuestions().get(i) + "：" + a.reply(i));
                    }
                }
                cells.add(String.join("\n", replies));
            }
            cells.add(String.join("、", typed));
            cells.add(a.getExplanation());
            table.row(cells.toArray());
        }
        table.finish();
    }

    /**
     * A printable summary of all answers for the county: per township its status, figures (typed-over ones
     * marked), replies and report, every figure as submitted, none computed here.
     */
    @GetMapping("/{id}/summary")
    @PreAuthorize("hasAuthority('county:oversee')")
    String summary(DataScope scope, @PathVariable long id, Model model) {
        ReportingTask task = requests.task(scope, id);
        List<RequestService.AnswerRow> rows = requests.rows(scope, task);
        Map<Long, ReportRequests.Linked> reports = new java.util.HashMap<>();
        if (task.isForReport()) {
            rows.forEach(r -> requests.report(scope, r.answer()).ifPresent(l -> reports.put(r.answer().getId(), l)));
        }
        model.addAttribute("task", task);
        model.addAttribute("rows", rows);
        model.addAttribute("reports", reports);
        model.addAttribute("answered", rows.stream().filter(r -> r.answer().isAnswered()).count());
        model.addAttribute("late", rows.stream().filter(RequestService.AnswerRow::late).count());
        model.addAttribute("today", requests.today());
        return "request/summary";
    }

    @GetMapping("/burden")
    @PreAuthorize("hasAuthority('county:oversee')")
    String burden(DataScope scope, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? requests.today().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("rows", requests.burden(scope, y));
        return "request/burden";
    }

    @GetMapping("/answers/{answerId}")
    String answer(DataScope scope, @PathVariable long answerId, Model model) {
        TaskAnswer a = requests.answer(scope, answerId);
        return answerPage(scope, a, null, Map.of(), model);
    }

    private String answerPage(DataScope scope, TaskAnswer a, AnswerForm submitted, Map<String, String> fieldErrors,
            Model model) {
        ReportingTask task = requests.taskOf(a);
        OrgUnit township = units.getUnchecked(a.getTownshipId());
        // the township's own users answer; the county, whose scope covers every township, decides
        boolean mine = RequestService.ownTownship(scope, township);
        boolean open = a.getStatus() == AnswerStatus.OPEN || a.getStatus() == AnswerStatus.RETURNED;
        boolean mayAnswer = mine && open && scope.may(Permission.REPORT_WRITE);
        List<RequestService.Prefill> prefill = open ? requests.prefill(task, township) : List.of();
        AnswerForm form = submitted;
        if (form == null) {
            form = new AnswerForm();
            for (RequestService.Prefill p : prefill) {
                String text = p.fromRecords() == null ? "" : p.fromRecords().stripTrailingZeros().toPlainString();
                form.getValues().put(p.measure().name(), text);
                form.getShown().put(p.measure().name(), text);
            }
            // a returned answer starts from what was submitted: the notes and explanation are kept
            for (TaskFigure f : a.getFigures()) {
                if (f.getNote() != null) {
                    form.getNotes().put(f.getMeasure().name(), f.getNote());
                }
            }
            form.setExplanation(a.getExplanation());
            form.setReplies(new ArrayList<>(a.getReplies()));
        }
        Map<Measure, String> urls = new EnumMap<>(Measure.class);
        task.getMeasures().forEach(m -> urls.put(m, RequestService.recordsUrl(m, township, task)));
        model.addAttribute("task", task);
        // a report request: the township's report, generated when its writer first opens the answer
        model.addAttribute("report", requests.report(scope, a).orElse(null));
        model.addAttribute("answer", a);
        model.addAttribute("township", township);
        model.addAttribute("late", requests.late(task, a));
        model.addAttribute("prefill", prefill);
        model.addAttribute("urls", urls);
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("mayAnswer", mayAnswer);
        model.addAttribute("withTemplate", requests.hasTemplate(task));
        model.addAttribute("hasSheet", requests.hasTemplate(task) && (mayAnswer || a.isAnswered()));
        model.addAttribute("mayDecide", task.getOwnerUnitId() == scope.unitId()
                && a.getStatus() == AnswerStatus.SUBMITTED && scope.may(Permission.COUNTY_OVERSEE));
        return "request/answer";
    }

    @PostMapping("/answers/{answerId}/submit")
    @PreAuthorize("hasAuthority('report:write')")
    String submit(DataScope scope, @PathVariable long answerId, @Valid @ModelAttribute("form") AnswerForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        TaskAnswer a = requests.answer(scope, answerId);
        ReportingTask task = requests.taskOf(a);
        Map<Measure, BigDecimal> typed = new EnumMap<>(Measure.class);
        Map<Measure, BigDecimal> shown = new EnumMap<>(Measure.class);
        Map<Measure, String> notes = new EnumMap<>(Measure.class);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < task.getQuestions().size(); i++) {
            String reply = i < form.getReplies().size() ? form.getReplies().get(i) : null;
            if (reply == null || reply.isBlank()) {
                fieldErrors.put("replies[" + i + "]", msg("request.validation.reply"));
            } else if (reply.length() > 2000) {
                fieldErrors.put("replies[" + i + "]", msg("request.validation.tooLong"));
            }
            replies.add(reply);
        }
        for (Measure m : task.getMeasures()) {
            String text = form.getValues().get(m.name());
            BigDecimal value = number(text);
            if (text != null && !text.isBlank() && (value == null || value.signum() < 0)) {
                fieldErrors.put("values[" + m.name() + "]", msg("request.validation.number"));
            }
            BigDecimal before = number(form.getShown().get(m.name()));
            String note = form.getNotes().get(m.name());
            if (note != null && note.length() > 500) {
                fieldErrors.put("notes[" + m.name() + "]", msg("request.validation.tooLong"));
            }
            if (value != null && (before == null || value.compareTo(before) != 0) && (note == null || note.isBlank())) {
                // a typed-over figure says why, beside it
                fieldErrors.put("notes[" + m.name() + "]", msg("request.validation.noteRequired"));
            }
            if (value != null) {
                typed.put(m, value);
            }
            if (before != null) {
                shown.put(m, before);
            }
            if (note != null) {
                notes.put(m, note);
            }
        }
        boolean invalid = errors.hasErrors() || !fieldErrors.isEmpty();
        return forms.submit(invalid, model, response, redirect, () -> answerPage(scope, a, form, fieldErrors, model), () -> {
            if (task.isForReport()) {
                requests.submitReport(scope, answerId, form.getExplanation());
            } else {
                requests.submit(scope, answerId, typed, shown, notes, replies, form.getExplanation());
            }
            return forms.done("/requests/answers/" + answerId, "request.submitted");
        });
    }

    /** The township's template filled from its records (while it answers), or the copy it submitted. */
    @GetMapping("/answers/{answerId}/sheet.xlsx")
    org.springframework.http.ResponseEntity<byte[]> sheet(DataScope scope, @PathVariable long answerId) {
        RequestService.Sheet sheet = requests.sheet(scope, requests.answer(scope, answerId));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(sheet.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(sheet.content());
    }

    /** The township submits its filled copy of the template: the file is the answer. */
    @PostMapping("/answers/{answerId}/sheet")
    @PreAuthorize("hasAuthority('report:write')")
    String uploadSheet(DataScope scope, @PathVariable long answerId,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) String explanation, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        TaskAnswer a = requests.answer(scope, answerId);
        AnswerForm kept = new AnswerForm();
        kept.setExplanation(explanation);
        return forms.submit(false, model, response, redirect, () -> answerPage(scope, a, kept,
                fieldErrorsOf(model), model), () -> {
            try {
                requests.submitSheet(scope, answerId, file == null ? null : file.getBytes(),
                        file == null ? null : file.getOriginalFilename(), explanation);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return forms.done("/requests/answers/" + answerId, "request.submitted");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrorsOf(Model model) {
        Object errors = model.asMap().get(FormSubmission.FIELD_ERRORS);
        return errors == null ? Map.of() : (Map<String, String>) errors;
    }

    @PostMapping("/answers/{answerId}/return")
    @PreAuthorize("hasAuthority('county:oversee')")
    String returnAnswer(DataScope scope, @PathVariable long answerId, @RequestParam(required = false) String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        TaskAnswer a = requests.answer(scope, answerId);
        boolean invalid = reason == null || reason.isBlank() || reason.length() > 1000;
        if (invalid) {
            model.addAttribute("reasonError", msg("request.validation.reason"));
        }
        return forms.submit(invalid, model, response, redirect, () -> answerPage(scope, a, null, Map.of(), model), () -> {
            requests.returnAnswer(scope, answerId, reason);
            return forms.done("/requests/" + a.getTaskId(), "request.returned");
        });
    }

    @PostMapping("/answers/{answerId}/accept")
    @PreAuthorize("hasAuthority('county:oversee')")
    String accept(DataScope scope, @PathVariable long answerId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        TaskAnswer a = requests.answer(scope, answerId);
        return forms.submit(false, model, response, redirect, () -> answerPage(scope, a, null, Map.of(), model), () -> {
            requests.accept(scope, answerId);
            return forms.done("/requests/" + a.getTaskId(), "request.accepted");
        });
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
