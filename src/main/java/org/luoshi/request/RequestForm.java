package org.luoshi.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

    @NotEmpty(message = "{request.validation.measures}")
    private List<Measure> measures = new ArrayList<>();

    private List<Long> townshipIds = new ArrayList<>();

    RequestService.Command toCommand() {
        return new RequestService.Command(title, instructions, from, to, List.copyOf(measures), deadline,
                List.copyOf(townshipIds));
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
