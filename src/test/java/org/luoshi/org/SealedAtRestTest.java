package org.luoshi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.crypto.FieldCipher;
import org.luoshi.crypto.SealBrokenException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person's phone number is sealed in the database (H2 and PostgreSQL): the column, read with plain SQL,
 * holds no plaintext; a plaintext row from before sealing is sealed at start; a wrong key stops the start.
 */
@LuoshiTest
@Import(OrgFixtures.class)
class SealedAtRestTest {

    @Autowired
    OrgFixtures fx;
    @Autowired
    PersonService people;
    @Autowired
    OrgUnitService units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldCipher cipher;

    @Test
    void theColumnHoldsNoPlaintextAndThePersonReadsBackTheNumber() {
        Person person = people.create(units.systemScope("test"),
                new PersonCommand(fx.township("柳溪镇").getId(), OrgFixtures.unique("密"), null, "13812345678", null));
        String raw = raw(person.getId());
        assertThat(raw).startsWith("sm4g:1:").doesNotContain("13812345678").doesNotContain("12345678");
        assertThat(people.get(units.systemScope("test"), person.getId()).getPhone()).isEqualTo("13812345678");
    }

    @Test
    void aPlaintextRowIsSealedAtStartAndStillReads() {
        Person person = fx.newPerson(fx.township("柳溪镇"));
        // as a row written before sealing, or restored from an old backup
        jdbc.update("update person set phone = ? where id = ?", "13987654321", person.getId());
        assertThat(people.get(units.systemScope("test"), person.getId()).getPhone()).isEqualTo("13987654321");

        new SealedPhone(cipher, jdbc).sealOnStart();
        assertThat(raw(person.getId())).startsWith("sm4g:1:").doesNotContain("13987654321");
        assertThat(people.get(units.systemScope("test"), person.getId()).getPhone()).isEqualTo("13987654321");
    }

    @Test
    void aWrongKeyStopsTheStartWithAClearMessage() {
        Person person = fx.newPerson(fx.township("柳溪镇"));
        jdbc.update("update person set phone = ? where id = ?", cipher.seal("13700001111", "person.phone"), person.getId());
        FieldCipher wrong = new FieldCipher(1, java.util.Map.of(1, new byte[16]));
        assertThatThrownBy(() -> new SealedPhone(wrong, jdbc).sealOnStart()).isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("person.phone").hasMessageContaining("密钥不对");
        assertThat(people.get(units.systemScope("test"), person.getId()).getPhone()).as("nothing was rewritten")
                .isEqualTo("13700001111");
    }

    private String raw(long id) {
        return jdbc.queryForObject("select phone from person where id = ?", String.class, id);
    }
}
