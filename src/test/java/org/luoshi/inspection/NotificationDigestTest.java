package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.LuoshiTest;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The daily digest against a real SMTP server (GreenMail on a free port): one mail per account with unread
 * notices, in Chinese (UTF-8 subject and body), not twice a day, only the notices since the last digest;
 * nothing without an address or without unread notices, nothing at all without a configured mail server,
 * and a failing server logged without stopping the job. The business clock moves by whole days.
 */
@LuoshiTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationDigestTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired NotificationDigest digest;
    @Autowired Notifications notifications;
    @Autowired AccountService accounts;
    @Autowired OrgUnitService units;

    OrgUnit township;
    String tag;
    String officerMail;
    String leaderMail;

    @BeforeEach
    void township() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        var system = units.systemScope("test");
        township = units.create(system, new OrgUnitCommand(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP,
                "邮" + tag + "镇", null, 10_000, 99));
        officerMail = "officer-" + tag + "@digest.test";
        leaderMail = "leader-" + tag + "@digest.test";
        long officer = accounts.create(system, "dig-o-" + tag, "宣传委员", "Luoshi@2026", Role.TOWNSHIP_OFFICER,
                township.getId(), false).getId();
        accounts.changeEmail(officer, officerMail);
        // the leader has an address but no notices; the second officer has notices but no address
        long leader = accounts.create(system, "dig-l-" + tag, "党委书记", "Luoshi@2026", Role.TOWNSHIP_LEADER,
                township.getId(), false).getId();
        accounts.changeEmail(leader, leaderMail);
        accounts.create(system, "dig-n-" + tag, "宣传干事", "Luoshi@2026", Role.TOWNSHIP_OFFICER, township.getId(), false);
    }

    JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    /**
     * The application's clock, which stamps the notices: with the clock pinned, TestClock starts at the pinned
     * instant when it is made, seconds before the application's, and a digest "after" a notice could fall before it.
     */
    @Autowired
    Clock appClock;

    Clock day(int plus, int hours) {
        return Clock.offset(appClock, Duration.ofDays(plus).plusHours(hours));
    }

    /** Later the same business day, whatever the hour the test runs at. */
    Clock lastMomentOfToday() {
        java.time.ZoneId zone = appClock.getZone();
        return Clock.fixed(java.time.LocalDate.now(appClock).plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant(), zone);
    }

    /** The mails this test's township received (other accounts with addresses may exist in the database). */
    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    List<MimeMessage> ours() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> mailsTo(officerMail).contains(m)
                || mailsTo(leaderMail).contains(m)).toList();
    }

    @Test
    void oneDigestADayWithTheUnreadNoticesSinceTheLastOne() throws Exception {
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "《宣传思想工作总结》已被县委宣传部退回：请补充数据", "/report/7");
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "整改期限已过：宣传栏内容更新", "/inspection/findings/9");
        JavaMailSenderImpl sender = sender(smtp.getSmtp().getPort());

        digest.send(sender, day(0, 0));
        assertThat(mailsTo(officerMail)).hasSize(1);
        MimeMessage mail = mailsTo(officerMail).get(0);
        assertThat(mail.getSubject()).isEqualTo("落实：您有 2 条未读通知");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent()).contains("《宣传思想工作总结》已被县委宣传部退回：请补充数据",
                "整改期限已过：宣传栏内容更新", "/report/7", "/inspection/findings/9", "您有以下未读通知");
        assertThat(mailsTo(leaderMail)).as("an address but no unread notices").isEmpty();
        assertThat(ours()).as("the officer without an address gets none, nobody gets two").hasSize(1);

        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "报送任务《一季度情况》将于三日后截止", "/request/tasks/3");
        digest.send(sender, lastMomentOfToday());
        assertThat(mailsTo(officerMail)).as("not again the same day").hasSize(1);

        digest.send(sender, day(1, 0));
        assertThat(mailsTo(officerMail)).as("the next day").hasSize(2);
        MimeMessage next = mailsTo(officerMail).get(1);
        assertThat(next.getSubject()).isEqualTo("落实：您有 1 条未读通知");
        assertThat((String) next.getContent()).contains("报送任务《一季度情况》将于三日后截止")
                .doesNotContain("整改期限已过");

        digest.send(sender, day(2, 0));
        assertThat(mailsTo(officerMail)).as("nothing new since the last digest: no mail").hasSize(2);
    }

    @Test
    void withoutAMailServerNothingIsSent() {
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "没有邮件服务器时不发", "/report/1");
        digest.run(); // the test configuration sets no spring.mail.host
        assertThat(ours()).isEmpty();
    }

    @Test
    void aFailingServerIsLoggedAndTheDigestGoesNextTime(CapturedOutput output) throws Exception {
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "服务器故障时的通知", "/report/1");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int sent = digest.send(sender(closed), day(0, 0));
        assertThat(sent).isZero();
        assertThat(output.getAll()).contains("Notification digest to account dig-o-" + tag + " not sent");

        digest.send(sender(smtp.getSmtp().getPort()), day(0, 1));
        assertThat(mailsTo(officerMail)).as("not marked sent after the failure: sent on the next run").hasSize(1);
        assertThat((String) mailsTo(officerMail).get(0).getContent()).contains("服务器故障时的通知");
    }
}
