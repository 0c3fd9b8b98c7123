package org.luoshi.responsibility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.luoshi.responsibility.LetterService.LetterCommand;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** Recording the signing of one letter, with an optional scan. */
class LetterForm {

    @NotNull(message = "{responsibility.letter.township.required}")
    private Long townshipId;

    @NotNull(message = "{responsibility.letter.counterpart.required}")
    private Long counterpartUnitId;

    @NotNull(message = "{responsibility.letter.year.required}")
    private Integer year;

    @NotNull(message = "{responsibility.letter.signedOn.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedOn;

    @NotBlank(message = "{responsibility.letter.signerName.required}")
    @Size(max = 50, message = "{responsibility.letter.signerName.size}")
    private String signerName;

    @Size(max = 1000, message = "{responsibility.note.size}")
    private String note;

    private MultipartFile scan;

    /** The version the user opened ({@link LetterService#UNSIGNED} before any signing was recorded). */
    private Long version;

    static LetterForm of(long townshipId, int year, LetterService.LetterRow row) {
        LetterForm form = new LetterForm();
        form.townshipId = townshipId;
        form.counterpartUnitId = row.counterpartId();
        form.year = year;
        form.signedOn = row.signedOn();
        form.signerName = row.signerName();
        form.note = row.note();
        form.version = row.version();
        return form;
    }

    LetterCommand toCommand() {
        return new LetterCommand(townshipId, counterpartUnitId, year, signedOn, signerName.trim(), SeatForm.blankToNull(note));
    }

    public Long getTownshipId() {
        return townshipId;
    }

    public void setTownshipId(Long townshipId) {
        this.townshipId = townshipId;
    }

    public Long getCounterpartUnitId() {
        return counterpartUnitId;
    }

    public void setCounterpartUnitId(Long counterpartUnitId) {
        this.counterpartUnitId = counterpartUnitId;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
    }

    public String getSignerName() {
        return signerName;
    }

    public void setSignerName(String signerName) {
        this.signerName = signerName;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public MultipartFile getScan() {
        return scan;
    }

    public void setScan(MultipartFile scan) {
        this.scan = scan;
    }
}
