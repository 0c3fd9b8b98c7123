package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongMixedPassword() {
        assertThat(PasswordPolicy.violations("zhangsan", "Qinghe#2026")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.violations("zhangsan", "Ab#1234")).containsExactly("account.password.tooShort");
        assertThat(PasswordPolicy.violations("zhangsan", null)).containsExactly("account.password.tooShort");
        assertThat(PasswordPolicy.violations("zhangsan", "Ab#12345")).isEmpty();
    }

    @Test
    void needsThreeOfFourCharacterClasses() {
        assertThat(PasswordPolicy.violations("zhangsan", "abcdefgh12")).containsExactly("account.password.tooSimple");
        assertThat(PasswordPolicy.violations("zhangsan", "ABCDEFGH!!")).containsExactly("account.password.tooSimple");
        assertThat(PasswordPolicy.violations("zhangsan", "abcdefgh")).containsExactly("account.password.tooSimple");
        assertThat(PasswordPolicy.violations("zhangsan", "abcdEFGH12")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", "abcdefg#12")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", "ABCDEFG#12")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", "abcdEFG#")).isEmpty();
    }

    @Test
    void refusesPasswordsContainingTheUsernameInAnyCase() {
        assertThat(PasswordPolicy.violations("zhangsan", "ZhangSan#2026")).containsExactly("account.password.containsUsername");
        assertThat(PasswordPolicy.violations("", "ZhangSan#2026")).isEmpty();
    }

    @Test
    void reportsEveryBrokenRuleAfterTheLength() {
        assertThat(PasswordPolicy.violations("abc", "abcdefghij")).containsExactly("account.password.tooSimple",
                "account.password.containsUsername");
    }

    @RepeatedTest(20)
    void generatedPasswordsPassThePolicy() {
        String generated = PasswordPolicy.generate();
        assertThat(generated).hasSize(14);
        assertThat(PasswordPolicy.violations("admin", generated)).isEmpty();
        assertThat(generated.chars().filter(Character::isUpperCase).count()).isPositive();
        assertThat(generated.chars().filter(Character::isLowerCase).count()).isPositive();
        assertThat(generated.chars().filter(Character::isDigit).count()).isPositive();
        assertThat(generated.chars().filter(c -> !Character.isLetterOrDigit(c)).count()).isPositive();
    }

    /** Temporary passwords are read off a screen or told over the phone: no look-alikes, no = - _. */
    @Test
    void generatedPasswordsAvoidCharactersThatAreHardToReadOrSay() {
        for (int i = 0; i < 500; i++) {
            assertThat(PasswordPolicy.generate()).doesNotContainAnyWhitespaces()
                    .matches("[ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789@#%+]{14}");
        }
    }
}
