package org.luoshi.account;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar luoshi.jar --luoshi.audit.verify}: checks the audit chain and its archives, prints the
 * result and exits, 0 when intact and 1 with the first broken row otherwise (see README, 审计日志).
 */
@Component
@ConditionalOnProperty("luoshi.audit.verify")
class AuditVerifyCommand {

    private final AuditChain chain;
    private final AuditArchive archive;
    private final ApplicationContext context;

    AuditVerifyCommand(AuditChain chain, AuditArchive archive, ApplicationContext context) {
        this.chain = chain;
        this.archive = archive;
        this.context = context;
    }

    /** After every start-up runner (first administrator, demo data), so that the job sees the finished start-up. */
    @EventListener(ApplicationReadyEvent.class)
    public void run() {
        AuditChain.Verification v = chain.verify();
        AuditArchive.ArchiveCheck a = archive.verifyArchives();
        System.out.println(describe(v, a));
        int code = v.intact() && a.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    static String describe(AuditChain.Verification v, AuditArchive.ArchiveCheck a) {
        String db = v.intact()
                ? "audit chain intact: " + v.rowsChecked() + " rows" + (v.anchorId() == null ? "" : " after anchor row " + v.anchorId())
                        + ", head hash " + v.lastHash()
                : "audit chain BROKEN at row " + v.firstBrokenId() + " (" + v.problem() + ") after " + v.rowsChecked() + " rows";
        String archives = a.intact() ? "archives intact: " + a.archives() + " files, " + a.rows() + " rows"
                : "archives BROKEN: " + a.problem();
        return db + "\n" + archives;
    }
}
