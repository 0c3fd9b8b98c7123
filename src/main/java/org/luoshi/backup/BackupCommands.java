package org.luoshi.backup;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The command-line entry points (README, 备份与恢复): {@code --luoshi.backup.run} writes an archive,
 * {@code --luoshi.backup.check} runs the attachment check; each prints its result and exits (1 when the
 * check finds a difference). Without either property this does nothing.
 */
@Component
class BackupCommands {

    static final String RUN = "luoshi.backup.run";
    static final String CHECK = "luoshi.backup.check";

    private final BackupService backups;
    private final AttachmentCheck check;
    private final Environment env;
    private final ApplicationContext context;

    BackupCommands(BackupService backups, AttachmentCheck check, Environment env, ApplicationContext context) {
        this.backups = backups;
        this.check = check;
        this.env = env;
        this.context = context;
    }

    /** After every start-up runner (first administrator, demo data), so that the job sees the finished start-up. */
    @EventListener(ApplicationReadyEvent.class)
    public void run() {
        boolean runBackup = env.containsProperty(RUN) && !"false".equals(env.getProperty(RUN));
        boolean runCheck = env.containsProperty(CHECK) && !"false".equals(env.getProperty(CHECK));
        if (!runBackup && !runCheck) {
            return;
        }
        int code = 0;
        if (runBackup) {
            System.out.println("Backup written: " + backups.create());
        }
        if (runCheck) {
            AttachmentCheck.Result r = check.run();
            System.out.println("Attachments: " + r.rows() + " rows, " + r.files() + " files; " + r.missingCount()
                    + " rows without a file, " + r.strayCount() + " files without a row");
            r.missing().forEach(m -> System.out.println("  missing file: attachment " + m.attachmentId() + " " + m.storageKey()
                    + " (" + m.fileName() + ")"));
            r.stray().forEach(s -> System.out.println("  file without a row: " + s));
            code = r.consistent() ? 0 : 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> exit));
    }
}
