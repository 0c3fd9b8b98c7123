package org.luoshi.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the report pages (also the request bodies of the API). */
final class ReportForms {

    private ReportForms() {
    }

    static class CreateForm {
        @NotNull(message = "{report.kind.required}")
        private ReportKind kind;
        @NotNull(message = "{report.year.required}")
        @Min(value = 2000, message = "{report.year.range}")
        @Max(value = 2100, message = "{report.year.range}")
        private Integer year;
        @NotNull(message = "{report.township.required}")
        private Long townshipId;
        @Size(max = 100, message = "{report.directive.size}")
        private String directiveNumber;
        @Size(max = 100, message = "{report.addressee.size}")
        private String addressee;
        private Long inspectionId;
        private Long directiveRecordId;

        ReportCommands.Create toCommand() {
            return new ReportCommands.Create(townshipId, kind, year, directiveNumber, addressee, inspectionId,
                    directiveRecordId);
        }

        public Long getInspectionId() {
            return inspectionId;
        }

        public void setInspectionId(Long inspectionId) {
            this.inspectionId = inspectionId;
        }

        public Long getDirectiveRecordId() {
            return directiveRecordId;
        }

        public void setDirectiveRecordId(Long directiveRecordId) {
            this.directiveRecordId = directiveRecordId;
        }

        public ReportKind getKind() {
            return kind;
        }

        public void setKind(ReportKind kind) {
            this.kind = kind;
        }

        public Integer getYear() {
            return year;
        }

        public void setYear(Integer year) {
            this.year = year;
        }

        public Long getTownshipId() {
            return townshipId;
        }

        public void setTownshipId(Long townshipId) {
            this.townshipId = townshipId;
        }

        public String getDirectiveNumber() {
            return directiveNumber;
        }

        public void setDirectiveNumber(String directiveNumber) {
            this.directiveNumber = directiveNumber;
        }

        public String getAddressee() {
            return addressee;
        }

        public void setAddressee(String addressee) {
            this.addressee = addressee;
        }
    }

    static class SaveForm {
        @NotBlank(message = "{report.title.required}")
        @Size(max = 200, message = "{report.title.size}")
        private String title;
        @Size(max = 100, message = "{report.addressee.size}")
        private String addressee;
        @NotBlank(message = "{report.unitName.required}")
        @Size(max = 100, message = "{report.unitName.size}")
        private String unitName;
        @NotNull(message = "{report.date.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate reportDate;
        @Size(max = 100, message = "{report.directive.size}")
        private String directiveNumber;
        private Map<String, String> texts = new LinkedHashMap<>();
        private Integer expectedVersion;

        static SaveForm of(Report report, ReportContent content, int version) {
            SaveForm form = new SaveForm();
            form.title = report.getTitle();
            form.addressee = report.getAddressee();
            form.unitName = report.getUnitName();
            form.reportDate = report.getReportDate();
            form.directiveNumber = report.getDirectiveNumber();
            content.blocks().stream().filter(ReportContent.Block::editable).forEach(b -> form.texts.put(b.key(), b.text()));
            form.expectedVersion = version;
            return form;
        }

        ReportCommands.Save toCommand() {
            return new ReportCommands.Save(title, addressee, unitName, reportDate, directiveNumber, texts,
                    expectedVersion);
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getAddressee() {
            return addressee;
        }

        public void setAddressee(String addressee) {
            this.addressee = addressee;
        }

        public String getUnitName() {
            return unitName;
        }

        public void setUnitName(String unitName) {
            this.unitName = unitName;
        }

        public LocalDate getReportDate() {
            return reportDate;
        }

        public void setReportDate(LocalDate reportDate) {
            this.reportDate = reportDate;
        }

        public String getDirectiveNumber() {
            return directiveNumber;
        }

        public void setDirectiveNumber(String directiveNumber) {
            this.directiveNumber = directiveNumber;
        }

        public Map<String, String> getTexts() {
            return texts;
        }

        public void setTexts(Map<String, String> texts) {
            this.texts = texts;
        }

        public Integer getExpectedVersion() {
            return expectedVersion;
        }

        public void setExpectedVersion(Integer expectedVersion) {
            this.expectedVersion = expectedVersion;
        }
    }

    static class ReviewForm {
        @Size(max = 2000, message = "{report.comment.size}")
        private String comment;

        public String getComment() {
            return comment;
        }

        public void setComment(String comment) {
            this.comment = comment;
        }
    }

    /** A template to upload: the unit and report kind it is for, and the .docx. */
    static class TemplateForm {
        @NotNull(message = "{report.templates.unit.required}")
        private Long orgUnitId;
        @NotNull(message = "{report.kind.required}")
        private ReportKind kind;
        private org.springframework.web.multipart.MultipartFile file;

        public Long getOrgUnitId() {
            return orgUnitId;
        }

        public void setOrgUnitId(Long orgUnitId) {
            this.orgUnitId = orgUnitId;
        }

        public ReportKind getKind() {
            return kind;
        }

        public void setKind(ReportKind kind) {
            this.kind = kind;
        }

        public org.springframework.web.multipart.MultipartFile getFile() {
            return file;
        }

        public void setFile(org.springframework.web.multipart.MultipartFile file) {
            this.file = file;
        }
    }
}
