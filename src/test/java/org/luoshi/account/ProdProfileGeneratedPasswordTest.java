package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Without a configured password the first administrator's is generated and printed once, never a default. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:prodgenerated;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "luoshi.bootstrap.admin-password="})
@ActiveProfiles({"test", "prod"})
class ProdProfileGeneratedPasswordTest {

    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theGeneratedPasswordIsPrintedOnceAndMustBeChanged(CapturedOutput output) {
        Account admin = accounts.findAll().stream().filter(a -> a.getUsername().equals("admin")).findFirst().orElseThrow();
        assertThat(accounts.count()).isEqualTo(1);
        assertThat(admin.isMustChangePassword()).isTrue();
        Matcher printed = Pattern.compile("first administrator created: admin / (\\S+)").matcher(output.getAll());
        assertThat(printed.find()).as("the generated password is printed").isTrue();
        String password = printed.group(1);
        assertThat(encoder.matches(password, admin.getPasswordHash())).isTrue();
        assertThat(PasswordPolicy.violations("admin", password)).isEmpty();
        assertThat(printed.find()).as("printed only once").isFalse();
    }
}
