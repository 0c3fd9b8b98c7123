package org.luoshi.responsibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.responsibility.ResponsibilityService.DutyCommand;
import org.luoshi.responsibility.ResponsibilityService.DutyView;
import org.luoshi.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController("/api/v1/responsibility/duties")
@Tag(name = "Responsibilities", description = "第一责任人, 直接责任人 and 一岗双责, bound to posts")
class DutyApiController {

    private final ResponsibilityService duties;

    DutyApiController(ResponsibilityService duties) {
        this.duties = duties;
    }

    @GetMapping
    @Operation(summary = "Responsibilities of a township with the posts' current holders")
    List<DutyView> list(DataScope scope, @RequestParam long unitId) {
        return duties.list(scope, unitId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Create a responsibility; it counts as confirmed with the post's current holder")
    DutyView create(DataScope scope, @Valid @RequestBody DutyRequest body, BindingResult result) throws BindException {
        check(body, result);
        return duties.get(scope, duties.create(scope, body.toCommand()));
    }

    @PutMapping("/{id}")
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Change kind, post or scope text (the township stays)")
    DutyView update(DataScope scope, @PathVariable long id, @Valid @RequestBody DutyRequest body, BindingResult result)
            throws BindException {
        check(body, result);
        duties.update(scope, id, body.toCommand(), body.version());
        return duties.get(scope, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Delete a responsibility")
    void delete(DataScope scope, @PathVariable long id) {
        duties.delete(scope, id);
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize(GroupController.WRITERS)
    @Operation(summary = "Confirm a responsibility with the post's current holder")
    DutyView confirm(DataScope scope, @PathVariable long id) {
        duties.confirm(scope, id);
        return duties.get(scope, id);
    }

    private static void check(DutyRequest body, BindingResult result) throws BindException {
        if (DutyForm.scopeMissing(body.kind(), body.scope())) {
            result.addError(new FieldError(result.getObjectName(), "scope", body.scope(), false,
                    new String[] {"responsibility.duty.scope.required"}, null, null));
        }
        if (result.hasErrors()) {
            throw new BindException(result);
        }
    }

    record DutyRequest(
            @NotNull(message = "{responsibility.letter.township.required}") Long townshipId,
            @NotNull(message = "{responsibility.duty.kind.required}") ResponsibilityKind kind,
            @NotNull(message = "{responsibility.post.required}") Long postId,
            @Size(max = 1000, message = "{responsibility.duty.scope.size}") String scope,
            @io.swagger.v3.oas.annotations.media.Schema(description = "on update: the version read; a newer saved one answers 409")
            Long version) {

        DutyCommand toCommand() {
            return new DutyCommand(townshipId, kind, postId, SeatForm.blankToNull(scope));
        }
    }
}
