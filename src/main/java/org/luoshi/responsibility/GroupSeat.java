package org.luoshi.responsibility;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A seat of a leading group, bound to a post: whoever holds the post sits in it. The confirmed
 * holder is who held the post when someone last looked at the seat; a difference is what the
 * needs-attention list shows.
 */
@Entity
@Table(name = "group_seat")
class GroupSeat {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long groupId;

    @Enumerated(EnumType.STRING)
    private SeatRole seatRole;

    private Long postId;
    private String duty;
    private int sortOrder;
    private Long confirmedHolderId;
    private Instant confirmedAt;
    /** The first day in the group; null for seats recorded before seats had a history. */
    private LocalDate seatedOn;
    /** The day the seat left the group (it is no member on that day), or null. */
    private LocalDate removedOn;

    @jakarta.persistence.Version
    private long version;

    protected GroupSeat() {
    }

    GroupSeat(long groupId, SeatRole seatRole, long postId, String duty, int sortOrder, LocalDate seatedOn) {
        this.groupId = groupId;
        this.seatedOn = seatedOn;
        describe(seatRole, postId, duty, sortOrder);
    }

    long getVersion() {
        return version;
    }

    Long getId() {
        return id;
    }

    Long getGroupId() {
        return groupId;
    }

    SeatRole getSeatRole() {
        return seatRole;
    }

    Long getPostId() {
        return postId;
    }

    String getDuty() {
        return duty;
    }

    int getSortOrder() {
        return sortOrder;
    }

    Long getConfirmedHolderId() {
        return confirmedHolderId;
    }

    Instant getConfirmedAt() {
        return confirmedAt;
    }

    void describe(SeatRole seatRole, long postId, String duty, int sortOrder) {
        this.seatRole = seatRole;
        this.postId = postId;
        this.duty = duty;
        this.sortOrder = sortOrder;
    }

    /** Whether the seat was in the group at the end of that day. */
    boolean heldOn(LocalDate day) {
        return (seatedOn == null || !seatedOn.isAfter(day)) && (removedOn == null || removedOn.isAfter(day));
    }

    LocalDate getRemovedOn() {
        return removedOn;
    }

    void remove(LocalDate day) {
        this.removedOn = day;
    }

    void confirm(Long holderId, Instant now) {
        this.confirmedHolderId = holderId;
        this.confirmedAt = now;
    }
}
