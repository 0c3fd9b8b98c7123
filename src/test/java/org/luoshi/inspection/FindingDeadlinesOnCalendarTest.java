package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.account.SignedInUser;
import org.luoshi.calendar.CalendarEntry;
import org.luoshi.calendar.CalendarEntry.State;
import org.luoshi.calendar.ObligationCalendar;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The work calendar lists the findings' rectification deadlines: open and before the deadline is due,
 * past it overdue, a passed re-check done (linked to the finding). Here, in the inspection package,
 * because raising and re-checking a finding are this module's own steps.
 */
@LuoshiTest
class FindingDeadlinesOnCalendarTest {

    @Autowired
    FindingService findings;
    @Autowired
    ObligationCalendar calendar;
    @Autowired
    OrgUnitService units;
    @Autowired
    PostService posts;
    @Autowired
    UserDetailsService users;

    Actor actor(String username, String role) {
        return new Actor(((SignedInUser) users.loadUserByUsername(username)).scope(), role);
    }

    @Test
    void deadlinesAreDueOverdueOrDone() throws Exception {
        OrgUnit liuxi = units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP).stream()
                .filter(u -> u.getName().equals("柳溪镇")).findFirst().orElseThrow();
        long owner = posts.postsOf(units.systemScope("test"), liuxi.getId()).stream()
                .filter(p -> p.getKind() == PostKind.PROPAGANDA_MEMBER).findFirst().orElseThrow().getId();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = calendar.today();
        // the three deadlines in one year, whatever the day: mid-year around a pinned "today"
        int year = today.getYear();
        LocalDate later = LocalDate.of(year, 12, 31);
        LocalDate earlier = LocalDate.of(year, 1, 1);
        long due = findings.raiseFinding(FindingSource.OTHER, liuxi.getId(), "未到期-" + tag, null, owner, later, null);
        long overdue = findings.raiseFinding(FindingSource.OTHER, liuxi.getId(), "已逾期-" + tag, null, owner, earlier, null);
        long done = findings.raiseFinding(FindingSource.OTHER, liuxi.getId(), "已整改-" + tag, null, owner, earlier, null);
        Actor officer = actor("officer", Actor.TOWNSHIP_OFFICER);
        findings.plan(officer, done, owner, earlier, "更换损坏设施，建立巡查台账", null, null);
        findings.start(officer, done, "开始整改");
        findings.addAttachment(officer, done, "整改照片.png", new java.io.ByteArrayInputStream(InspectionFlowTest.PNG));
        findings.submit(officer, done, "已整改完毕");
        findings.recheck(actor("county", Actor.COUNTY_REVIEWER), done, true, "复查通过");

        // asked for a day inside the year (before the last day, after the first), in Chinese as on a page
        LocalDate middle = LocalDate.of(year, 6, 15);
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        Map<String, CalendarEntry> entries;
        try {
            entries = calendar.year(actor("officer", Actor.TOWNSHIP_OFFICER).scope(), liuxi.getId(), year, middle)
                    .stream().filter(e -> e.source() == CalendarEntry.Source.FINDING && e.title().contains(tag))
                    .collect(Collectors.toMap(CalendarEntry::code, e -> e));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(entries).hasSize(3);
        assertThat(entries.get("#" + due).state()).isEqualTo(State.DUE);
        assertThat(entries.get("#" + due).due()).isEqualTo(later);
        assertThat(entries.get("#" + overdue).state()).isEqualTo(State.OVERDUE);
        assertThat(entries.get("#" + done).state()).isEqualTo(State.DONE);
        assertThat(entries.get("#" + done).link()).isEqualTo("/inspection/findings/" + done);
        assertThat(entries.get("#" + due).title()).isEqualTo("问题整改：未到期-" + tag);
        assertThat(entries.get("#" + due).note()).contains("柳溪镇");
        assertThat(entries.get("#" + due).uid()).isEqualTo("finding-" + due + "@luoshi");
    }
}
