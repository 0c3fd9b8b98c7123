package org.luoshi.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password check with the lock-out around it, the one authentication provider of every channel:
 * the attempt is counted first ({@link LoginAttempts#take}), then the password is checked, then the
 * attempt is given back or the account locked. A locked account is refused without its password
 * being checked, so the right password does not get in while guesses are being counted.
 */
@Component
class LockoutAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;

    LockoutAuthentication(AccountUserDetailsService users, PasswordEncoder encoder, LoginAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (!attempts.take(username)) {
            throw new LockedException("locked");
        }
        try {
            Authentication authenticated = passwords.authenticate(authentication);
            attempts.succeeded(username);
            return authenticated;
        } catch (BadCredentialsException wrong) {
            attempts.failed(username);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
