package org.luoshi.account;

import java.util.List;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Without demo data, an empty database gets one administrator: with the password from
 * {@code luoshi.bootstrap.admin-password}, or a generated one printed once. Either way it must be
 * changed at first login, so no default password survives.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "luoshi.demo-data", havingValue = "false")
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountService accounts;
    private final OrgUnitService units;
    private final String configuredPassword;
    private final String rootUnitName;

    FirstAdministrator(AccountService accounts, OrgUnitService units,
            @Value("${luoshi.bootstrap.admin-password:}") String configuredPassword,
            @Value("${luoshi.bootstrap.root-unit-name:本县（区）}") String rootUnitName) {
        this.accounts = accounts;
        this.units = units;
        this.configuredPassword = configuredPassword;
        this.rootUnitName = rootUnitName;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyExists()) {
            return;
        }
        OrgUnit root = units.root().orElseGet(() -> units.createRoot(rootUnitName));
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? PasswordPolicy.generate() : configuredPassword;
        List<String> problems = PasswordPolicy.violations("admin", password);
        if (!problems.isEmpty()) {
            // Refuse to start rather than run with a weak first password.
            throw new IllegalStateException("luoshi.bootstrap.admin-password breaks the password policy: " + problems);
        }
        accounts.create("admin", "系统管理员", password, Role.ADMIN, root.getId(), true);
        if (generated) {
            log.warn("\n\n  首个管理员账号已创建 / first administrator created: admin / {}\n"
                    + "  首次登录后必须修改密码 / must be changed at first login.\n", password);
        } else {
            log.info("First administrator 'admin' created with the configured password; it must be changed at first login.");
        }
    }
}
