package org.luoshi.responsibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.responsibility.LetterService.LetterCommand;
import org.luoshi.responsibility.LetterService.LetterRow;
import org.luoshi.responsibility.LetterService.LetterStatus;
import org.luoshi.web.ApiController;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.UploadException;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

@ApiController("/api/v1/responsibility/letters")
@Tag(name = "Responsibility letters", description = "意识形态工作责任书 signed each year with villages and departments")
class LetterApiController {

    private final LetterService letters;
    private final AttachmentService attachments;
    private final Townships townships;

    LetterApiController(LetterService letters, AttachmentService attachments, Townships townships) {
        this.townships = townships;
        this.letters = letters;
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "Every active village and department of the township with its letter for the year (default: this year)")
    LetterStatus list(DataScope scope, @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Integer year) {
        long id = townshipId != null ? townshipId
                : letters.defaultTownship(scope).map(OrgUnit::getId).orElseThrow(() -> new NotFoundException("Township", "default"));
        return letters.status(scope, id, year == null ? townships.today().getYear() : year);
    }

    @PutMapping
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Record or correct the signing of a counterpart's letter for a year (one letter per counterpart and year)")
    LetterRow sign(DataScope scope, @Valid @RequestBody LetterRequest body, BindingResult result) throws BindException {
        letters.dateProblem(body.signedOn(), body.year()).ifPresent(p -> result.addError(new FieldError(
                result.getObjectName(), "signedOn", body.signedOn(), false, new String[] {p.code()}, p.args(), null)));
        if (result.hasErrors()) {
            throw new BindException(result);
        }
        return letters.sign(scope, body.toCommand(), null);
    }

    @PostMapping(path = "/{id}/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Attach the scanned letter (PDF or image); the type is checked by content")
    LetterRow attachScan(DataScope scope, @PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null) {
            throw new UploadException(org.springframework.http.HttpStatus.BAD_REQUEST, "evidence.empty");
        }
        return letters.attachScan(scope, id, file);
    }

    @GetMapping("/{id}/scan")
    @Operation(summary = "Download the scanned letter")
    ResponseEntity<Resource> scan(DataScope scope, @PathVariable long id) {
        return attachments.download(letters.scan(scope, id), false);
    }

    record LetterRequest(
            @NotNull(message = "{responsibility.letter.township.required}") Long townshipId,
            @NotNull(message = "{responsibility.letter.counterpart.required}") Long counterpartUnitId,
            @NotNull(message = "{responsibility.letter.year.required}")
            @Min(value = 2000, message = "{responsibility.letter.year.range}")
            @Max(value = 2100, message = "{responsibility.letter.year.range}") Integer year,
            @NotNull(message = "{responsibility.letter.signedOn.required}") LocalDate signedOn,
            @NotBlank(message = "{responsibility.letter.signerName.required}")
            @Size(max = 50, message = "{responsibility.letter.signerName.size}") String signerName,
            @Size(max = 1000, message = "{responsibility.note.size}") String note) {

        LetterCommand toCommand() {
            return new LetterCommand(townshipId, counterpartUnitId, year, signedOn, signerName.trim(),
                    SeatForm.blankToNull(note));
        }
    }
}
