package org.luoshi.responsibility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.luoshi.responsibility.LeadingGroupService.GroupDetails;
import org.springframework.format.annotation.DateTimeFormat;

/** Name, founding date and note of a leading group. */
class GroupForm {

    @NotBlank(message = "{responsibility.group.name.required}")
    @Size(max = 100, message = "{responsibility.group.name.size}")
    private String name;

    @PastOrPresent(message = "{responsibility.group.establishedOn.future}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate establishedOn;

    @Size(max = 1000, message = "{responsibility.note.size}")
    private String note;
    /** The version the user opened; a save from an older one is refused (someone else saved in between). */
    private Long version;

    static GroupForm of(LeadingGroupService.GroupView group) {
        GroupForm form = new GroupForm();
        form.version = group.version();
        form.name = group.name();
        form.establishedOn = group.establishedOn();
        form.note = group.note();
        return form;
    }

    GroupDetails toCommand() {
        return new GroupDetails(name.trim(), establishedOn, SeatForm.blankToNull(note));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getEstablishedOn() {
        return establishedOn;
    }

    public void setEstablishedOn(LocalDate establishedOn) {
        this.establishedOn = establishedOn;
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
}
