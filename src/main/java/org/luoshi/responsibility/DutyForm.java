package org.luoshi.responsibility;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.luoshi.responsibility.ResponsibilityService.DutyCommand;

/** The responsibility form of the duties page. */
class DutyForm {

    @NotNull(message = "{responsibility.duty.kind.required}")
    private ResponsibilityKind kind;

    @NotNull(message = "{responsibility.post.required}")
    private Long postId;

    @Size(max = 1000, message = "{responsibility.duty.scope.size}")
    private String scope;
    /** The version the user opened; a save from an older one is refused (someone else saved in between). */
    private Long version;

    static DutyForm of(ResponsibilityService.DutyView duty) {
        DutyForm form = new DutyForm();
        form.version = duty.version();
        form.kind = duty.kind();
        form.postId = duty.postId();
        form.scope = duty.scope();
        return form;
    }

    /** 一岗双责 means nothing without the fields the post covers; the other kinds cover everything. */
    static boolean scopeMissing(ResponsibilityKind kind, String scope) {
        return kind == ResponsibilityKind.DUAL_DUTY && (scope == null || scope.isBlank());
    }

    DutyCommand toCommand(long townshipId) {
        return new DutyCommand(townshipId, kind, postId, SeatForm.blankToNull(scope));
    }

    public ResponsibilityKind getKind() {
        return kind;
    }

    public void setKind(ResponsibilityKind kind) {
        this.kind = kind;
    }

    public Long getPostId() {
        return postId;
    }

    public void setPostId(Long postId) {
        this.postId = postId;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
