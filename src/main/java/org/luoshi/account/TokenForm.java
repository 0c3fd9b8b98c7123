package org.luoshi.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new personal access token: a name to recognise it by and an optional lifetime in days. */
class TokenForm {

    static final int MAX_DAYS = 3650;

    @NotBlank(message = "{account.token.name.required}")
    @Size(max = 50, message = "{account.token.name.size}")
    private String name;

    @Min(value = 1, message = "{account.token.expiry.range}")
    @Max(value = MAX_DAYS, message = "{account.token.expiry.range}")
    private Integer expiresInDays;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public Integer getExpiresInDays() {
        return expiresInDays;
    }

    public void setExpiresInDays(Integer expiresInDays) {
        this.expiresInDays = expiresInDays;
    }
}
