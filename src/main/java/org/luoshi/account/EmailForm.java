package org.luoshi.account;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The profile's e-mail address for the daily digest; blank removes it (and with it the digest). */
class EmailForm {

    @Size(max = 254, message = "{account.email.size}")
    @Pattern(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{account.email.invalid}")
    private String email;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? null : email.strip();
    }
}
