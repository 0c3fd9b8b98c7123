package org.luoshi.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.luoshi.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Personal access tokens over the API. Issuing takes HTTP Basic (see SecurityConfig); the rest a bearer token. */
@ApiController("/api/v1/tokens")
@Tag(name = "tokens", description = "Personal access tokens")
class TokenApiController {

    private final AccessTokenService tokens;
    private final AccountService accounts;
    private final SecuritySettings settings;
    private final Clock clock;

    TokenApiController(AccessTokenService tokens, AccountService accounts, SecuritySettings settings, Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.accounts = accounts;
        this.settings = settings;
    }

    @PostMapping
    @Operation(summary = "Issue a token (HTTP Basic only); the secret is in this response and never again")
    ResponseEntity<IssuedTokenResponse> issue(@AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody TokenRequest request) {
        Instant now = clock.instant();
        Account account = accounts.own(user.getAccountId());
        if (account.isMustChangePassword() || settings.passwordExpired(account.getPasswordChangedAt(), now)) {
            // A password someone else set, or an expired one, must be changed on the page first.
            throw new org.luoshi.web.DeniedException("account.token.passwordFirst");
        }
        AccessTokenService.IssuedToken issued = tokens.issue(user.getAccountId(), request.name().trim(),
                tokens.expiry(request.expiresInDays(), now));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id()))
                .body(new IssuedTokenResponse(issued.id(), issued.name(), issued.token(), issued.createdAt(),
                        issued.expiresAt()));
    }

    @GetMapping
    @Operation(summary = "The caller's tokens, newest first (without secrets)")
    List<TokenResponse> list(@AuthenticationPrincipal SignedInUser user) {
        Instant now = clock.instant();
        return tokens.list(user.getAccountId()).stream()
                .map(t -> new TokenResponse(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(),
                        t.getLastUsedAt(), t.getExpiresAt(), t.getRevokedAt(), t.state(now)))
                .toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's tokens")
    void revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        tokens.revoke(user.getAccountId(), id);
    }

    record TokenRequest(
            @NotBlank(message = "{account.token.name.required}") @Size(max = 50, message = "{account.token.name.size}")
            String name,
            @Min(value = 1, message = "{account.token.expiry.range}")
            @Max(value = TokenForm.MAX_DAYS, message = "{account.token.expiry.range}")
            Integer expiresInDays) {
    }

    record IssuedTokenResponse(long id, String name, String token, Instant createdAt, Instant expiresAt) {
    }

    record TokenResponse(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
            Instant revokedAt, String state) {
    }
}
