package org.luoshi.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The administrator's form for a new account: what an existing account's form holds, plus user name
 * and first password; the password rules are checked by {@link PasswordPolicy}.
 */
class AccountForm extends AccountEditForm {

    @NotBlank(message = "{account.username.required}")
    @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{account.username.pattern}")
    private String username;

    @NotBlank(message = "{account.password.required}")
    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.trim();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
