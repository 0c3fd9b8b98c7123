package org.luoshi.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of the inspection pages, also used as the request bodies of the API: plain classes (the
 * binder and th:field need bean properties), validated with messages from the bundle.
 */
final class Forms {

    private Forms() {
    }

    static final class ChecklistForm {

        @NotBlank(message = "{inspection.checklist.title.required}") @Size(max = 200, message = "{inspection.tooLong}")
        private String title;
        @Size(max = 200, message = "{inspection.tooLong}")
        private String directiveRef;
        @Size(max = 2000, message = "{inspection.tooLong}")
        private String description;
        /** The version the user opened; a save from an older one is refused (someone else saved in between). */
        private Long version;

        public ChecklistForm() {
        }

        ChecklistForm(String title, String directiveRef, String description, Long version) {
            this.title = title;
            this.directiveRef = directiveRef;
            this.description = description;
            this.version = version;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getDirectiveRef() {
            return directiveRef;
        }

        public void setDirectiveRef(String directiveRef) {
            this.directiveRef = directiveRef;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        static ChecklistForm empty() {
            return new ChecklistForm(null, null, null, null);
        }

        ChecklistCommand toCommand() {
            return new ChecklistCommand(title.strip(), blank(directiveRef), blank(description));
        }
    
    }

    static final class ItemForm {

        @NotBlank(message = "{inspection.item.no.required}") @Size(max = 20, message = "{inspection.tooLong}")
        private String itemNo;
        @NotBlank(message = "{inspection.item.title.required}") @Size(max = 200, message = "{inspection.tooLong}")
        private String title;
        @Size(max = 1000, message = "{inspection.tooLong}")
        private String guidance;
        @Size(max = 500, message = "{inspection.tooLong}")
        private String expectedEvidence;
        private FindingCategory category;
        @Size(max = 50, message = "{inspection.tooLong}")
        private String indicatorCode;
        /** On a change: the version read; a newer saved one is refused (409). */
        private Long version;

        public ItemForm() {
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }

        ItemForm(String itemNo, String title, String guidance, String expectedEvidence, FindingCategory category, String indicatorCode) {
            this.itemNo = itemNo;
            this.title = title;
            this.guidance = guidance;
            this.expectedEvidence = expectedEvidence;
            this.category = category;
            this.indicatorCode = indicatorCode;
        }

        public String getItemNo() {
            return itemNo;
        }

        public void setItemNo(String itemNo) {
            this.itemNo = itemNo;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getGuidance() {
            return guidance;
        }

        public void setGuidance(String guidance) {
            this.guidance = guidance;
        }

        public String getExpectedEvidence() {
            return expectedEvidence;
        }

        public void setExpectedEvidence(String expectedEvidence) {
            this.expectedEvidence = expectedEvidence;
        }

        public FindingCategory getCategory() {
            return category;
        }

        public void setCategory(FindingCategory category) {
            this.category = category;
        }

        public String getIndicatorCode() {
            return indicatorCode;
        }

        public void setIndicatorCode(String indicatorCode) {
            this.indicatorCode = indicatorCode;
        }

        static ItemForm empty() {
            return new ItemForm(null, null, null, null, FindingCategory.OTHER, null);
        }

        ItemCommand toCommand() {
            return new ItemCommand(itemNo.strip(), title.strip(), blank(guidance), blank(expectedEvidence), category,
                    blank(indicatorCode));
        }
    
    }

    static final class VisitForm {

        @NotNull(message = "{inspection.visit.checklist.required}")
        private Long checklistId;
        @NotNull(message = "{inspection.date.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate heldOn;
        @Size(max = 500, message = "{inspection.tooLong}")
        private String team;
        @NotEmpty(message = "{inspection.visit.units.required}")
        private List<Long> unitIds;

        public VisitForm() {
        }

        VisitForm(Long checklistId, LocalDate heldOn, String team, List<Long> unitIds) {
            this.checklistId = checklistId;
            this.heldOn = heldOn;
            this.team = team;
            this.unitIds = unitIds;
        }

        public Long getChecklistId() {
            return checklistId;
        }

        public void setChecklistId(Long checklistId) {
            this.checklistId = checklistId;
        }

        public LocalDate getHeldOn() {
            return heldOn;
        }

        public void setHeldOn(LocalDate heldOn) {
            this.heldOn = heldOn;
        }

        public String getTeam() {
            return team;
        }

        public void setTeam(String team) {
            this.team = team;
        }

        public List<Long> getUnitIds() {
            return unitIds;
        }

        public void setUnitIds(List<Long> unitIds) {
            this.unitIds = unitIds;
        }

        static VisitForm empty(LocalDate today) {
            return new VisitForm(null, today, null, List.of());
        }
    
    }

    /** The answers of a whole self-inspection, posted by one save (rows without a result are left unanswered). */
    static final class AnswersForm {

        @jakarta.validation.Valid
        private java.util.List<AnswerRow> answers = new java.util.ArrayList<>();

        public java.util.List<AnswerRow> getAnswers() {
            return answers;
        }

        public void setAnswers(java.util.List<AnswerRow> answers) {
            this.answers = answers;
        }

        /** What was typed for {@code itemId}, or null when this form holds nothing for it. */
        public AnswerRow of(long itemId) {
            return answers.stream().filter(r -> r.getItemId() != null && r.getItemId() == itemId).findFirst().orElse(null);
        }
    }

    /** One item's answer in {@link AnswersForm}. */
    static final class AnswerRow {

        private Long itemId;
        private AnswerResult result;
        @Size(max = 2000, message = "{inspection.tooLong}")
        private String statement;

        public Long getItemId() {
            return itemId;
        }

        public void setItemId(Long itemId) {
            this.itemId = itemId;
        }

        public AnswerResult getResult() {
            return result;
        }

        public void setResult(AnswerResult result) {
            this.result = result;
        }

        public String getStatement() {
            return statement;
        }

        public void setStatement(String statement) {
            this.statement = statement;
        }
    }

    static final class AnswerForm {

        @NotNull(message = "{inspection.answer.result.required}")
        private AnswerResult result;
        @Size(max = 2000, message = "{inspection.tooLong}")
        private String statement;

        public AnswerForm() {
        }

        AnswerForm(AnswerResult result, String statement) {
            this.result = result;
            this.statement = statement;
        }

        public AnswerResult getResult() {
            return result;
        }

        public void setResult(AnswerResult result) {
            this.result = result;
        }

        public String getStatement() {
            return statement;
        }

        public void setStatement(String statement) {
            this.statement = statement;
        }
    }

    /**
     * A post that answers for the finding and the date it is due: shared by finishing a
     * self-inspection, recording a visit's finding and a rectification plan.
     */
    abstract static class Assignment {

        @NotNull(message = "{inspection.owner.required}")
        private Long ownerPostId;
        @NotNull(message = "{inspection.deadline.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate deadline;

        Assignment() {
        }

        Assignment(Long ownerPostId, LocalDate deadline) {
            this.ownerPostId = ownerPostId;
            this.deadline = deadline;
        }

        public Long getOwnerPostId() {
            return ownerPostId;
        }

        public void setOwnerPostId(Long ownerPostId) {
            this.ownerPostId = ownerPostId;
        }

        public LocalDate getDeadline() {
            return deadline;
        }

        public void setDeadline(LocalDate deadline) {
            this.deadline = deadline;
        }
    }

    static final class FinishSelfForm extends Assignment {

        @Size(max = 2000, message = "{inspection.tooLong}")
        private String summary;
        /** Who led the self-inspection and who took part, as the report names them. */
        @Size(max = 200, message = "{inspection.tooLong}")
        private String team;

        public FinishSelfForm() {
        }

        FinishSelfForm(Long ownerPostId, LocalDate deadline, String summary) {
            super(ownerPostId, deadline);
            this.summary = summary;
        }

        public String getTeam() {
            return team;
        }

        public void setTeam(String team) {
            this.team = team;
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }
    }

    static final class VisitFindingForm extends Assignment {

        @NotNull(message = "{inspection.finding.unit.required}")
        private Long unitId;
        private Long itemId;
        private FindingCategory category;
        @NotBlank(message = "{inspection.finding.title.required}") @Size(max = 200, message = "{inspection.tooLong}")
        private String title;
        @Size(max = 2000, message = "{inspection.tooLong}")
        private String detail;

        public VisitFindingForm() {
        }

        VisitFindingForm(Long unitId, Long itemId, FindingCategory category, String title, String detail, Long ownerPostId, LocalDate deadline) {
            super(ownerPostId, deadline);
            this.unitId = unitId;
            this.itemId = itemId;
            this.category = category;
            this.title = title;
            this.detail = detail;
        }

        public Long getUnitId() {
            return unitId;
        }

        public void setUnitId(Long unitId) {
            this.unitId = unitId;
        }

        public Long getItemId() {
            return itemId;
        }

        public void setItemId(Long itemId) {
            this.itemId = itemId;
        }

        public FindingCategory getCategory() {
            return category;
        }

        public void setCategory(FindingCategory category) {
            this.category = category;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getDetail() {
            return detail;
        }

        public void setDetail(String detail) {
            this.detail = detail;
        }

        static VisitFindingForm empty() {
            return new VisitFindingForm(null, null, null, null, null, null, null);
        }
    
    }

    static final class PlanForm extends Assignment {

        @Size(max = 2000, message = "{inspection.tooLong}")
        private String measures;
        @Size(max = 500, message = "{inspection.tooLong}")
        private String reason;
        /** The finding's version the user opened; a save from an older one is refused. */
        private Long version;

        public PlanForm() {
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }

        PlanForm(Long ownerPostId, LocalDate deadline, String measures, String reason) {
            super(ownerPostId, deadline);
            this.measures = measures;
            this.reason = reason;
        }

        public String getMeasures() {
            return measures;
        }

        public void setMeasures(String measures) {
            this.measures = measures;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /**
     * The one free-text field of the simple actions: a progress note, the submission's account, the
     * note on starting, a visit's summary. Required where {@link Required} is validated too (notes,
     * submission); forms and API bodies may also name it {@code summary} (finish-visit).
     */
    static final class NoteForm {

        /** Validation group of the actions that need the text. */
        interface Required {
        }

        @NotBlank(message = "{inspection.note.required}", groups = Required.class)
        @Size(max = 2000, message = "{inspection.tooLong}")
        private String note;

        public NoteForm() {
        }

        NoteForm(String note) {
            this.note = note;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        /** The finish-visit form and API body call it {@code summary}. */
        public void setSummary(String summary) {
            this.note = summary;
        }

        static NoteForm empty() {
            return new NoteForm(null);
        }
    }

    static final class RecheckForm {

        @NotNull(message = "{inspection.recheck.result.required}")
        private Boolean passed;
        @NotBlank(message = "{inspection.recheck.reason.required}") @Size(max = 2000, message = "{inspection.tooLong}")
        private String reason;

        public RecheckForm() {
        }

        RecheckForm(Boolean passed, String reason) {
            this.passed = passed;
            this.reason = reason;
        }

        public Boolean getPassed() {
            return passed;
        }

        public void setPassed(Boolean passed) {
            this.passed = passed;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        static RecheckForm empty() {
            return new RecheckForm(null, null);
        }
    
    }

    static final class LedgerLinkForm {

        @NotNull(message = "{inspection.ledger.required}") @Positive(message = "{inspection.ledger.required}")
        private Long ledgerRecordId;

        public LedgerLinkForm() {
        }

        LedgerLinkForm(Long ledgerRecordId) {
            this.ledgerRecordId = ledgerRecordId;
        }

        public Long getLedgerRecordId() {
            return ledgerRecordId;
        }

        public void setLedgerRecordId(Long ledgerRecordId) {
            this.ledgerRecordId = ledgerRecordId;
        }
    }

    static final class FollowUpForm {

        @NotBlank(message = "{inspection.finding.title.required}") @Size(max = 200, message = "{inspection.tooLong}")
        private String title;
        @Size(max = 2000, message = "{inspection.tooLong}")
        private String detail;
        @NotNull(message = "{inspection.deadline.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate deadline;

        public FollowUpForm() {
        }

        FollowUpForm(String title, String detail, LocalDate deadline) {
            this.title = title;
            this.detail = detail;
            this.deadline = deadline;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getDetail() {
            return detail;
        }

        public void setDetail(String detail) {
            this.detail = detail;
        }

        public LocalDate getDeadline() {
            return deadline;
        }

        public void setDeadline(LocalDate deadline) {
            this.deadline = deadline;
        }

        static FollowUpForm empty() {
            return new FollowUpForm(null, null, null);
        }
    
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
