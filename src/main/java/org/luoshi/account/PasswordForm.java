package org.luoshi.account;

import jakarta.validation.constraints.NotBlank;

/** Changing one's own password: the current one, the new one, and the new one again. */
class PasswordForm {

    @NotBlank(message = "{account.password.currentRequired}")
    private String currentPassword;

    @NotBlank(message = "{account.password.required}")
    private String newPassword;

    @NotBlank(message = "{account.password.repeatRequired}")
    private String repeatPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
