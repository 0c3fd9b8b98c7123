package org.luoshi.responsibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.luoshi.org.DataScope;
import org.luoshi.responsibility.LeadingGroupService.GroupDetails;
import org.luoshi.responsibility.LeadingGroupService.GroupView;
import org.luoshi.responsibility.LeadingGroupService.SeatCommand;
import org.luoshi.responsibility.LeadingGroupService.SeatView;
import org.luoshi.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController("/api/v1/responsibility/groups")
@Tag(name = "Leading groups", description = "意识形态工作领导小组: seats bound to posts, with their current holders")
class GroupApiController {

    private final LeadingGroupService groups;

    GroupApiController(LeadingGroupService groups) {
        this.groups = groups;
    }

    @GetMapping("/{townshipId}")
    @Operation(summary = "The township's leading group, seats in role order with the posts' current holders")
    GroupView get(DataScope scope, @PathVariable long townshipId) {
        return groups.view(scope, townshipId);
    }

    @PutMapping("/{townshipId}")
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Create or rename the group, set its founding date and note")
    GroupView describe(DataScope scope, @PathVariable long townshipId, @Valid @RequestBody GroupRequest body) {
        groups.describe(scope, townshipId, new GroupDetails(body.name().trim(), body.establishedOn(), body.note()),
                body.version());
        return groups.view(scope, townshipId);
    }

    @PostMapping("/{townshipId}/seats")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Add a seat bound to a post of the township; it counts as confirmed with the current holder")
    SeatView addSeat(DataScope scope, @PathVariable long townshipId, @Valid @RequestBody SeatRequest body) {
        long id = groups.addSeat(scope, townshipId, body.toCommand());
        return groups.seat(scope, townshipId, id);
    }

    @PutMapping("/{townshipId}/seats/{seatId}")
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Change a seat's role, post, duty or order; a new post replaces the seat from `since` (answers the new seat)")
    SeatView updateSeat(DataScope scope, @PathVariable long townshipId, @PathVariable long seatId,
            @Valid @RequestBody SeatRequest body) {
        // moving the seat to another post replaces it (the old one stays in the group's history)
        return groups.seat(scope, townshipId, groups.updateSeat(scope, townshipId, seatId, body.toCommand(),
                body.version()));
    }

    @DeleteMapping("/{townshipId}/seats/{seatId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Remove a seat")
    void removeSeat(DataScope scope, @PathVariable long townshipId, @PathVariable long seatId) {
        groups.removeSeat(scope, townshipId, seatId);
    }

    @PostMapping("/{townshipId}/seats/{seatId}/confirm")
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Confirm one seat with the post's current holder")
    SeatView confirmSeat(DataScope scope, @PathVariable long townshipId, @PathVariable long seatId) {
        groups.confirmSeat(scope, townshipId, seatId);
        return groups.seat(scope, townshipId, seatId);
    }

    @PostMapping("/{townshipId}/confirm")
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Confirm every seat of the group with the posts' current holders")
    GroupView confirm(DataScope scope, @PathVariable long townshipId) {
        groups.confirm(scope, townshipId);
        return groups.view(scope, townshipId);
    }

    record GroupRequest(
            @NotBlank(message = "{responsibility.group.name.required}")
            @Size(max = 100, message = "{responsibility.group.name.size}") String name,
            @PastOrPresent(message = "{responsibility.group.establishedOn.future}") LocalDate establishedOn,
            @Size(max = 1000, message = "{responsibility.note.size}") String note,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the version read; a newer saved one answers 409")
            Long version) {
    }

    record SeatRequest(
            @NotNull(message = "{responsibility.seat.role.required}") SeatRole role,
            @NotNull(message = "{responsibility.post.required}") Long postId,
            @Size(max = 500, message = "{responsibility.seat.duty.size}") String duty,
            @Min(value = 0, message = "{responsibility.sortOrder.range}")
            @Max(value = 999, message = "{responsibility.sortOrder.range}") Integer sortOrder,
            @PastOrPresent(message = "{responsibility.seat.since.future}") LocalDate since,
            @io.swagger.v3.oas.annotations.media.Schema(description = "on update: the version read; a newer saved one answers 409")
            Long version) {

        SeatCommand toCommand() {
            return new SeatCommand(role, postId, SeatForm.blankToNull(duty), sortOrder == null ? 0 : sortOrder, since);
        }
    }
}
