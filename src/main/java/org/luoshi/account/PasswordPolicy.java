package org.luoshi.account;

import java.util.ArrayList;
import java.util.List;

/**
 * Password complexity (等保 2.0): at least 8 characters, at least three of upper case, lower
 * case, digits and symbols, and not containing the username.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;

    private PasswordPolicy() {
    }

    /** Message-bundle keys of the rules the password breaks; empty when it is acceptable. */
    static List<String> violations(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("account.password.tooShort");
            return problems;
        }
        int classes = 0;
        if (password.chars().anyMatch(Character::isUpperCase)) {
            classes++;
        }
        if (password.chars().anyMatch(Character::isLowerCase)) {
            classes++;
        }
        if (password.chars().anyMatch(Character::isDigit)) {
            classes++;
        }
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) {
            classes++;
        }
        if (classes < 3) {
            problems.add("account.password.tooSimple");
        }
        if (username != null && !username.isBlank() && password.toLowerCase().contains(username.toLowerCase())) {
            problems.add("account.password.containsUsername");
        }
        return problems;
    }
}
