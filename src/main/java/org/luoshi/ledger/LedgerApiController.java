package org.luoshi.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.luoshi.evidence.Attachment;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.org.DataScope;
import org.luoshi.web.ApiController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/** The ledger over REST: the same kinds, validation and data scope as the pages. */
@ApiController("/api/v1/ledger")
@Tag(name = "ledger", description = "工作台账：上级文件、会议、学习、上稿、宣讲、舆情等记录")
class LedgerApiController {

    private final LedgerService ledger;
    private final RecordKinds kinds;
    private final AttachmentService files;
    private final MessageSource messages;

    LedgerApiController(LedgerService ledger, RecordKinds kinds, AttachmentService files, MessageSource messages) {
        this.ledger = ledger;
        this.kinds = kinds;
        this.files = files;
        this.messages = messages;
    }

    @GetMapping("/kinds")
    @Operation(summary = "The record kinds and their fields")
    List<KindBody> kinds() {
        return kinds.all().stream().map(k -> new KindBody(k.code(), msg(k.labelKey()), k.allowsRange(), k.hasAttendance(),
                k.fields().stream().map(f -> new FieldBody(f.name(), f.type().name(), msg(f.labelKey()), f.isRequired(), f.min(),
                        f.max(), f.maxLength(), f.options(), f.refKind())).toList())).toList();
    }

    @GetMapping("/records")
    @Operation(summary = "A keyset page of records in scope, newest first, with counts per kind for the filter")
    PageBody records(DataScope scope, @RequestParam(required = false) String kind, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "false") boolean late,
            @Parameter(description = "the 'next' value of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size) {
        String code = kind == null || kind.isBlank() ? null : kinds.get(kind).code();
        RecordFilter filter = new RecordFilter(code, unitId, from, to, q, tag, late);
        RecordPage page = ledger.list(scope, filter, cursor, size);
        KindCounts counts = ledger.countsByKind(scope, filter);
        Map<String, Long> exact = new java.util.LinkedHashMap<>();
        counts.counts().keySet().forEach(k -> exact.put(k, counts.of(k)));
        return new PageBody(page.records().stream().map(RecordBody::of).toList(), page.next(), exact, counts.cap(),
                counts.aboveCap());
    }

    @GetMapping("/{kind:[a-zA-Z_-]+}")
    @Operation(summary = "A keyset page of records of one kind")
    PageBody ofKind(DataScope scope, @PathVariable String kind, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "false") boolean late, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size) {
        return records(scope, kinds.get(kind).code(), unitId, from, to, q, tag, late, cursor, size);
    }

    @PostMapping("/{kind:[a-zA-Z_-]+}")
    @PreAuthorize(LedgerController.WRITERS)
    @Operation(summary = "Records something that happened; 400 with fieldErrors when refused")
    ResponseEntity<RecordBody> create(DataScope scope, @PathVariable String kind, @RequestBody Input input) {
        LedgerRecord record = ledger.create(scope, kinds.get(kind).code(), input.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/ledger/records/" + record.id())).body(RecordBody.of(record));
    }

    @GetMapping("/records/{id}")
    @Operation(summary = "One record with its fields and attendance")
    RecordBody get(DataScope scope, @PathVariable long id) {
        return RecordBody.of(ledger.get(scope, id));
    }

    @PutMapping("/records/{id}")
    @PreAuthorize(LedgerController.WRITERS)
    @Operation(summary = "Corrects a record; reason required, the previous version is kept")
    RecordBody update(DataScope scope, @PathVariable long id, @RequestBody Input input) {
        return RecordBody.of(ledger.update(scope, id, input.toCommand(), input.reason(), input.version()));
    }

    @DeleteMapping("/records/{id}")
    @PreAuthorize(LedgerController.WRITERS)
    @Operation(summary = "Soft-deletes a record; reason required")
    ResponseEntity<Void> delete(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason) {
        ledger.delete(scope, id, reason);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/records/{id}/restore")
    @PreAuthorize("hasAuthority('records:restore')")
    @Operation(summary = "Restores a deleted record (administrator); reason required")
    RecordBody restore(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason) {
        return RecordBody.of(ledger.restore(scope, id, reason));
    }

    @GetMapping("/records/{id}/history")
    @Operation(summary = "Every change of a record: who, when, why and which fields")
    List<Revision> history(DataScope scope, @PathVariable long id) {
        return ledger.history(scope, id);
    }

    @PostMapping(path = "/records/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(LedgerController.WRITERS)
    @Operation(summary = "Uploads evidence; the type is checked from the content")
    ResponseEntity<AttachmentBody> attach(DataScope scope, @PathVariable long id, @RequestPart("file") MultipartFile file) {
        Attachment stored = ledger.attach(scope, id, file);
        return ResponseEntity.status(HttpStatus.CREATED).body(AttachmentBody.of(stored));
    }

    @GetMapping("/records/{id}/attachments")
    @Operation(summary = "The evidence of a record")
    List<AttachmentBody> attachments(DataScope scope, @PathVariable long id) {
        ledger.get(scope, id);
        return ledger.attachments(scope, id).stream().map(AttachmentBody::of).toList();
    }

    @GetMapping("/attachments/{id}")
    @Operation(summary = "Downloads an evidence file of a record in scope")
    ResponseEntity<Resource> download(DataScope scope, @PathVariable long id) {
        return files.download(ledger.attachment(scope, id), false);
    }

    @ExceptionHandler(LedgerValidationException.class)
    ProblemDetail invalid(LedgerValidationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, msg("error.validation"));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("fieldErrors", e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", msg(v.messageKey(), v.args()))).toList());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, msg("ledger.error.unreadableBody"));
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    record KindBody(String code, String label, boolean allowsRange, boolean attendance, List<FieldBody> fields) {
    }

    record FieldBody(String name, String type, String label, boolean required, Long min, Long max, int maxLength,
            List<String> options, String refKind) {
    }

    /**
     * @param countsByKind records per kind for the filter, exact up to {@code countCap}
     * @param countsAboveCap the kinds with more than {@code countCap} records (their count reads countCap)
     */
    record PageBody(List<RecordBody> records, String next, Map<String, Long> countsByKind, int countCap,
            List<String> countsAboveCap) {
    }

    /** A record to create or correct; {@code reason} (and optionally {@code version}) for corrections. */
    record Input(Long unitId, LocalDate occurredOn, LocalDate occurredUntil, String title, String notes, List<String> tags,
            Map<String, Object> fields, List<AttendanceEntry> attendance, String reason, Long version) {

        RecordCommand toCommand() {
            return new RecordCommand(unitId, occurredOn, occurredUntil, title, notes, tags, fields, attendance);
        }
    }

    record RecordBody(long id, String kind, long unitId, LocalDate occurredOn, LocalDate occurredUntil, String title,
            String notes, List<String> tags, Map<String, Object> fields, List<AttendanceEntry> attendance,
            Double attendanceRate, boolean late, Instant recordedAt, String recordedBy, Instant updatedAt, String updatedBy,
            long version) {

        static RecordBody of(LedgerRecord r) {
            return new RecordBody(r.id(), r.kind(), r.unitId(), r.occurredOn(), r.occurredUntil(), r.title(), r.notes(), r.tags(),
                    r.fields(), r.attendance(), r.attendanceRate(), r.late(), r.recordedAt(), r.recordedBy(), r.updatedAt(),
                    r.updatedBy(), r.version());
        }
    }

    record AttachmentBody(long id, String fileName, String contentType, long sizeBytes, String sha256, Instant uploadedAt,
            String uploadedBy) {

        static AttachmentBody of(Attachment a) {
            return new AttachmentBody(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256(),
                    a.getUploadedAt(), a.getUploadedBy());
        }
    }
}
