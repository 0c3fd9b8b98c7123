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
        assertThat(PasswordPolicy.violations("zhangsan", "Lxq#2345")).isEmpty();
    }

    @Test
    void needsThreeOfFourCharacterClasses() {
        assertThat(PasswordPolicy.violations("zhangsan", "kmwtrbvn12")).containsExactly("account.password.tooSimple");
        assertThat(PasswordPolicy.violations("zhangsan", "KMWTRBVN!!")).containsExactly("account.password.tooSimple");
        assertThat(PasswordPolicy.violations("zhangsan", "kmwtrbvn")).containsExactly("account.password.tooSimple");
        assertThat(PasswordPolicy.violations("zhangsan", "kmwtRBVN12")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", "kmwtrbv#12")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", "KMWTRBV#12")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", "kmwtRBV#")).isEmpty();
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

    @Test
    void refusesCommonPasswordsInDisguise() {
        for (String common : java.util.List.of("Password1", "P@ssw0rd!", "Admin@123", "Qwer1234!", "Aa123456!",
                "1qaz@WSX", "Abc@12345", "Woaini#1314", "Test#2026", "Asdfgh#12", "Abcdefg#1")) {
            assertThat(PasswordPolicy.violations("zhangsan", common)).as(common).containsExactly("account.password.common");
        }
        assertThat(PasswordPolicy.violations("zhangsan", "Qinghe#2026")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", "Luoshi@2026")).isEmpty();
    }

    @Test
    void refusesPaddingControlCharactersAndMoreThanBcryptReads() {
        assertThat(PasswordPolicy.violations("zhangsan", "Aa1!    ")).contains("account.password.padded");
        assertThat(PasswordPolicy.violations("zhangsan", "  Qinghe#2026")).containsExactly("account.password.padded");
        assertThat(PasswordPolicy.violations("zhangsan", "Qinghe#2026\u0000")).containsExactly("account.password.badCharacter");
        assertThat(PasswordPolicy.violations("zhangsan", "Qinghe#2026\u202e")).containsExactly("account.password.badCharacter");
        assertThat(PasswordPolicy.violations("zhangsan", "Qinghe#2026\ud800")).containsExactly("account.password.badCharacter");
        // 72 bytes are read by bcrypt: 24 Chinese characters are 72 bytes, one more letter is too many
        String chinese = "青禾县柳溪镇宣传委员会议室青禾县柳溪镇宣传委员会";
        assertThat(chinese.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(72);
        assertThat(PasswordPolicy.violations("zhangsan", "Qx#7" + "k".repeat(68))).doesNotContain("account.password.tooLong");
        assertThat(PasswordPolicy.violations("zhangsan", "Qx#7" + "k".repeat(69))).containsExactly("account.password.tooLong");
        assertThat(PasswordPolicy.violations("zhangsan", "Qx#7" + chinese)).containsExactly("account.password.tooLong");
    }
}
