package org.luoshi.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The county's form for a new request: what, for which period, by when, to whom (all townships when none ticked). */
class RequestForm {

    @NotBlank(message = "{request.validation.required}")
    @Size(max = 200, message = "{request.validation.tooLong}")
    private String title;

    @Size(max = 2000, message = "{request.validation.tooLong}")
    private String instructions;

    @NotNull(message = "{request.validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @NotNull(message = "{request.validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    @NotNull(message = "{request.validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deadline;

    // none when a report is asked for, or when free questions alone are asked (checked by the service)
    private List<Measure> measures = new ArrayList<>();

    /** A report kind's name to ask for a report; blank for a table of measures and questions. */
    private String reportKind;

    /** An Excel template whose cells named after measures the ledger fills (optional). */
    private org.springframework.web.multipart.MultipartFile template;

    /** Free questions, one a line. */
    @Size(max = 4000, message = "{request.validation.tooLong}")
    private String questions;

    private List<Long> townshipIds = new ArrayList<>();

    RequestService.Command toCommand() {
        return new RequestService.Command(title, instructions, from, to, List.copyOf(measures), deadline,
                List.copyOf(townshipIds), reportKind, questionList(), templateBytes(),
                template == null ? null : template.getOriginalFilename());
    }

    private byte[] templateBytes() {
        try {
            return template == null || template.isEmpty() ? null : template.getBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public org.springframework.web.multipart.MultipartFile getTemplate() {
        return template;
    }

    public void setTemplate(org.springframework.web.multipart.MultipartFile template) {
        this.template = template;
    }

    /** The questions as the county wrote them, a line each, blank lines dropped. */
    List<String> questionList() {
        return questions == null ? List.of() : questions.lines().map(String::strip).filter(q -> !q.isEmpty()).toList();
    }

    public String getReportKind() {
        return reportKind;
    }

    public void setReportKind(String reportKind) {
        this.reportKind = reportKind;
    }

    public String getQuestions() {
        return questions;
    }

    public void setQuestions(String questions) {
        this.questions = questions;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getInstructions() {
        return instructions;
    }

    public void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public List<Measure> getMeasures() {
        return measures;
    }

    public void setMeasures(List<Measure> measures) {
        this.measures = measures;
    }

    public List<Long> getTownshipIds() {
        return townshipIds;
    }

    public void setTownshipIds(List<Long> townshipIds) {
        this.townshipIds = townshipIds;
    }
}
