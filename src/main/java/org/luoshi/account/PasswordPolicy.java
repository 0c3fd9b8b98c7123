package org.luoshi.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Password complexity (等保 2.0): at least 8 characters, at least three of upper case, lower
 * case, digits and symbols, and not containing the username.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;

    // Without look-alikes (0/O, 1/l/I) and without symbols that are hard to tell or to say (= - _),
    // since a temporary password is read off a screen, often told over the phone, and typed.
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%+";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** A random 14-character password with all four character classes, for first and reset passwords. */
    static String generate() {
        List<Character> chars = new ArrayList<>();
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        for (String source : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(source.charAt(RANDOM.nextInt(source.length())));
        }
        while (chars.size() < 14) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
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
