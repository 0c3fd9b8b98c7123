package org.luoshi.responsibility;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.luoshi.responsibility.LeadingGroupService.SeatCommand;

/** The seat form of the groups page. */
class SeatForm {

    @NotNull(message = "{responsibility.seat.role.required}")
    private SeatRole role;

    @NotNull(message = "{responsibility.post.required}")
    private Long postId;

    @Size(max = 500, message = "{responsibility.seat.duty.size}")
    private String duty;

    @Min(value = 0, message = "{responsibility.sortOrder.range}")
    @Max(value = 999, message = "{responsibility.sortOrder.range}")
    private int sortOrder;

    /** The day the seat joins the group, or its move to another post takes effect. */
    @PastOrPresent(message = "{responsibility.seat.since.future}")
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    private LocalDate since;

    /** The version the user opened; a save from an older one is refused (someone else saved in between). */
    private Long version;

    static SeatForm of(LeadingGroupService.SeatView seat) {
        SeatForm form = new SeatForm();
        form.version = seat.version();
        form.role = seat.role();
        form.postId = seat.postId();
        form.duty = seat.duty();
        form.sortOrder = seat.sortOrder();
        return form;
    }

    SeatCommand toCommand() {
        return new SeatCommand(role, postId, blankToNull(duty), sortOrder, since);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public SeatRole getRole() {
        return role;
    }

    public void setRole(SeatRole role) {
        this.role = role;
    }

    public Long getPostId() {
        return postId;
    }

    public void setPostId(Long postId) {
        this.postId = postId;
    }

    public String getDuty() {
        return duty;
    }

    public void setDuty(String duty) {
        this.duty = duty;
    }

    public LocalDate getSince() {
        return since;
    }

    public void setSince(LocalDate since) {
        this.since = since;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }
}
