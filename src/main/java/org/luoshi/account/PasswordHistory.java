package org.luoshi.account;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * An account's last passwords, kept as hashes: a new password may not repeat any of the last
 * {@value #KEPT} (等保 2.0 password management).
 */
@Component
class PasswordHistory {

    static final int KEPT = 5;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    PasswordHistory(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** Whether the password is one of the account's last {@value #KEPT}, the current one included. */
    boolean reused(long accountId, String password) {
        List<String> hashes = jdbc.sql("select password_hash from password_history where account_id = :id "
                        + "order by changed_at desc, id desc limit " + KEPT)
                .param("id", accountId).query(String.class).list();
        return hashes.stream().anyMatch(hash -> encoder.matches(password, hash));
    }

    /** Notes the account's new password hash and forgets those older than the last {@value #KEPT}. */
    void add(long accountId, String passwordHash, Instant at) {
        jdbc.sql("insert into password_history (account_id, password_hash, changed_at) values (:id, :hash, :at)")
                .param("id", accountId).param("hash", passwordHash).param("at", java.sql.Timestamp.from(at)).update();
        List<Long> kept = jdbc.sql("select id from password_history where account_id = :id "
                        + "order by changed_at desc, id desc limit " + KEPT)
                .param("id", accountId).query(Long.class).list();
        jdbc.sql("delete from password_history where account_id = :id and id not in (:kept)")
                .param("id", accountId).param("kept", kept).update();
    }
}
