package org.luoshi.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The administrator's form for a new account; the password rules are checked by {@link PasswordPolicy}. */
class AccountForm {

    @NotBlank(message = "{account.username.required}")
    @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{account.username.pattern}")
    private String username;

    @NotBlank(message = "{account.displayName.required}")
    @Size(max = 50, message = "{account.displayName.size}")
    private String displayName;

    @NotNull(message = "{account.role.required}")
    private Role role;

    @NotNull(message = "{account.unit.required}")
    private Long orgUnitId;

    @NotBlank(message = "{account.password.required}")
    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.trim();
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
