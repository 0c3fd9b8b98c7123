package org.luoshi.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The administrator's form for an existing account: name, role and unit. */
class AccountEditForm {

    @NotBlank(message = "{account.displayName.required}")
    @Size(max = 50, message = "{account.displayName.size}")
    private String displayName;

    @NotNull(message = "{account.role.required}")
    private Role role;

    @NotNull(message = "{account.unit.required}")
    private Long orgUnitId;

    /** The person who uses the account (optional), one of its unit's people. */
    private Long personId;

    static AccountEditForm of(Account account) {
        AccountEditForm form = new AccountEditForm();
        form.displayName = account.getDisplayName();
        form.role = account.getRole();
        form.orgUnitId = account.getOrgUnitId();
        form.personId = account.getPersonId();
        return form;
    }

    public Long getPersonId() {
        return personId;
    }

    public void setPersonId(Long personId) {
        this.personId = personId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? null : displayName.trim();
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public void setOrgUnitId(Long orgUnitId) {
        this.orgUnitId = orgUnitId;
    }
}
