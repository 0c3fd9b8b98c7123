package org.luoshi.inspection;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.luoshi.account.AccountService;
import org.luoshi.account.AccountService.DigestRecipient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily e-mail digest: one mail per account with an address, listing its unread notices since its last
 * digest, at most one a day (business day in {@code luoshi.zone}). Reading stays in the application: the mail
 * marks nothing read. Without {@code spring.mail.host} there is no mail sender and the job sends nothing; a
 * failing SMTP server is logged per account and that account is tried again at the next run.
 */
@Component
class NotificationDigest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NotificationDigest.class);
    /** A digest lists at most this many notices; the rest are in the application. */
    static final int MAX_NOTICES = 50;

    private final ObjectProvider<JavaMailSender> mail;
    private final AccountService accounts;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;
    private final String from;
    private final String baseUrl;

    NotificationDigest(ObjectProvider<JavaMailSender> mail, AccountService accounts, Notifications notifications,
            MessageSource messages, Clock clock, @Value("${luoshi.zone}") ZoneId zone,
            @Value("${luoshi.mail.from:luoshi@localhost}") String from,
            @Value("${luoshi.mail.base-url:}") String baseUrl) {
        this.mail = mail;
        this.accounts = accounts;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Scheduled(cron = "${luoshi.notifications.digest-cron:0 0 7 * * *}", zone = "${luoshi.zone}")
    @SchedulerLock(name = "notification-digest", lockAtLeastFor = "${luoshi.jobs.lock-at-least}")
    public void run() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return; // no spring.mail.host: mail is off
        }
        log.info("Notification digest: {} mails sent", send(sender, clock));
    }

    /** Sends the digests due at {@code clock}'s time through {@code sender}; how many mails went out. */
    int send(JavaMailSender sender, Clock clock) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        int sent = 0;
        for (DigestRecipient r : accounts.digestRecipients()) {
            if (r.lastDigestAt() != null && !r.lastDigestAt().atZone(zone).toLocalDate().isBefore(today)) {
                continue; // one a day
            }
            List<Notifications.Notice> notices = notifications.unreadSince(r.unitId(), r.role(), r.username(),
                    r.lastDigestAt(), MAX_NOTICES);
            if (notices.isEmpty()) {
                continue;
            }
            try {
                sender.send(message(sender, r, notices));
                accounts.digestSent(r.accountId(), clock.instant());
                sent++;
            } catch (org.springframework.mail.MailException | jakarta.mail.MessagingException e) {
                // The next run tries again with the same notices; the other accounts still get theirs.
                log.warn("Notification digest to account {} not sent: {}", r.username(), e.toString());
            }
        }
        return sent;
    }

    private MimeMessage message(JavaMailSender sender, DigestRecipient r, List<Notifications.Notice> notices)
            throws jakarta.mail.MessagingException {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        StringBuilder body = new StringBuilder(messages.getMessage("inspection.digest.intro", null, zh)).append("\n\n");
        for (Notifications.Notice n : notices) {
            body.append("· ").append(n.message()).append("（").append(minute.format(n.createdAt())).append("）\n");
            if (n.link() != null) {
                body.append("  ").append(baseUrl).append(n.link()).append('\n');
            }
        }
        body.append('\n').append(messages.getMessage("inspection.digest.outro", null, zh)).append('\n');
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(r.email());
        helper.setSubject(messages.getMessage("inspection.digest.subject", new Object[] {notices.size()}, zh));
        helper.setText(body.toString(), false);
        return message;
    }
}
