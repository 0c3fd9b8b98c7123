package org.luoshi.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Password complexity (等保 2.0): at least 8 characters and at most 72 bytes (what bcrypt reads;
 * beyond it the rest would be ignored), printable characters only, no spaces at either end, at
 * least three of upper case, lower case, digits and symbols, not containing the username, and not
 * a common password in disguise (Password1, P@ssw0rd, Admin@123, Qwer1234, Aa123456!).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    /**
     * Words that make a password guessable whatever is added to them: found inside the letters of a
     * password once digits and symbols are dropped and look-alikes read as letters (P@ssw0rd).
     */
    private static final List<String> COMMON_WORDS = List.of("password", "passwd", "admin", "qwerty",
            "asdfgh", "zxcvb", "qazwsx", "welcome", "letmein", "iloveyou", "trustno", "sunshine", "football", "baseball",
            "superman", "princess", "dragon", "monkey", "master", "shadow", "woaini", "abcdef", "changeme", "default",
            "secret", "system", "manager");
    /** Short words that are a password's whole letters often enough (Abc@1234, Test#2026, Root#1234). */
    private static final List<String> COMMON_SHORT = List.of("abc", "abcd", "qwe", "qwer", "asd", "asdf", "zxc", "zxcv",
            "test", "root", "user", "guest", "pass", "love", "china", "hello", "qaz", "wsx", "aaa", "pwd");
    private static final List<String> KEYBOARD_ROWS = List.of("abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl",
            "zxcvbnm");

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
        if (!printable(password)) {
            problems.add("account.password.badCharacter");
            return problems;
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("account.password.tooLong");
            return problems;
        }
        if (!password.equals(password.strip())) {
            problems.add("account.password.padded");
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
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c))) {
            classes++;
        }
        if (classes < 3) {
            problems.add("account.password.tooSimple");
        }
        if (username != null && !username.isBlank() && password.toLowerCase().contains(username.toLowerCase())) {
            problems.add("account.password.containsUsername");
        }
        if (problems.isEmpty() && common(password)) {
            problems.add("account.password.common");
        }
        return problems;
    }

    /** No control, format (bidi, zero-width) or unpaired surrogate characters. */
    private static boolean printable(String password) {
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < password.length() && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isISOControl(c) || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    /** A common word or keyboard run dressed up with digits, symbols and look-alikes. */
    static boolean common(String password) {
        String lower = password.toLowerCase(java.util.Locale.ROOT);
        // read both ways: "P@ssw0rd" is password with look-alikes, "Qwer1234" is qwer with digits
        return commonLetters(letters(lower, false)) || commonLetters(letters(lower, true));
    }

    private static boolean commonLetters(String core) {
        if (core.chars().distinct().count() < 3) {
            return true; // Aa123456!, Ab#12345: the letters add nothing
        }
        if (COMMON_WORDS.stream().anyMatch(core::contains) || COMMON_SHORT.contains(core)) {
            return true;
        }
        // the whole letters one run along the alphabet or a keyboard row (abcdefg, qwertyu, asdfgh)
        return core.length() >= 4 && KEYBOARD_ROWS.stream().anyMatch(row -> row.contains(core));
    }

    private static String letters(String lower, boolean lookAlikes) {
        StringBuilder letters = new StringBuilder();
        for (char c : lower.toCharArray()) {
            char read = !lookAlikes ? c : switch (c) {
                case '@' -> 'a';
                case '0' -> 'o';
                case '$' -> 's';
                case '3' -> 'e';
                default -> c;
            };
            if (read >= 'a' && read <= 'z') {
                letters.append(read);
            }
        }
        return letters.toString();
    }
}
