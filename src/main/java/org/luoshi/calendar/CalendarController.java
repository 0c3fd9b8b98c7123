package org.luoshi.calendar;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luoshi.calendar.CalendarEntry.Source;
import org.luoshi.calendar.CalendarEntry.State;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 工作日历: the month view of a township's duties, and the same duties as an iCalendar feed.
 * Who may read it is who may read the assessment ({@code assessment:view}: officers and leaders for
 * their township, reviewers for the townships of their county), because every periodic duty here is
 * an indicator of that assessment; the township must lie in the user's scope (404 otherwise).
 */
@Controller
@RequestMapping("/calendar")
@PreAuthorize("hasAuthority('assessment:view')")
class CalendarController {

    static final MediaType ICALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final ObligationCalendar calendar;
    private final MessageSource messages;

    CalendarController(ObligationCalendar calendar, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    /** One month's entries of one month, and how many are done, due and overdue in each month of the year. */
    record MonthCount(int month, long done, long due, long overdue) {
    }

    @GetMapping
    String month(DataScope scope, @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month, Model model) {
        LocalDate today = calendar.today();
        int y = year == null ? today.getYear() : year;
        int m = month == null ? (y == today.getYear() ? today.getMonthValue() : 1) : month;
        if (y < 2000 || y > 2100 || m < 1 || m > 12) {
            throw new NotFoundException("Month", y + "-" + m);
        }
        Optional<OrgUnit> township = townshipId != null ? Optional.of(calendar.township(scope, townshipId))
                : calendar.ownTownship(scope);
        model.addAttribute("today", today);
        model.addAttribute("year", y);
        model.addAttribute("month", m);
        model.addAttribute("townships", calendar.townships(scope));
        model.addAttribute("township", township.orElse(null));
        if (township.isEmpty()) {
            // a reviewer picks a township first
            return "calendar/month";
        }
        List<CalendarEntry> all = calendar.year(scope, township.get().getId(), y, today);
        model.addAttribute("entries", all.stream().filter(e -> e.due().getMonthValue() == m).toList());
        model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> {
            Map<State, Long> counts = new EnumMap<>(State.class);
            all.stream().filter(e -> e.due().getMonthValue() == i).forEach(e -> counts.merge(e.state(), 1L, Long::sum));
            return new MonthCount(i, counts.getOrDefault(State.DONE, 0L), counts.getOrDefault(State.DUE, 0L),
                    counts.getOrDefault(State.OVERDUE, 0L));
        }).toList());
        YearMonth shown = YearMonth.of(y, m);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        // The address a phone calendar subscribes to. The secret is not known here (a token is shown
        // once, when it is made on the profile page), so the page shows where it goes.
        model.addAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/feed.ics")
                .queryParam("townshipId", township.get().getId()).build().toUriString() + "&token=");
        return "calendar/month";
    }

    /**
     * The township's duties of this year (or of {@code year}) as iCalendar, for a phone calendar to subscribe to.
     *
     * <p>A phone calendar cannot send an Authorization header, so for this one read-only route the
     * security configuration takes the personal access token from the {@code token} parameter of the
     * URL (see the account module's SecurityConfig). The risk is that of any secret in a URL: it can end
     * up in a proxy's log or in the phone's settings. What it opens is limited to reading this feed and
     * the API with the owner's rights; the owner revokes it on the profile page and the feed stops at
     * once. No session is made for it.
     */
    @GetMapping(value = "/feed.ics")
    ResponseEntity<String> feed(DataScope scope, @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Integer year, HttpServletRequest request) {
        OrgUnit township = townshipId != null ? calendar.township(scope, townshipId)
                : calendar.ownTownship(scope).orElseThrow(() -> new NotFoundException("Township", "own"));
        LocalDate today = calendar.today();
        int y = year == null ? today.getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new NotFoundException("Year", y);
        }
        // The feed is in Chinese whatever the phone's language: the Accept-Language a phone's calendar
        // sends is the phone's, not a choice the user made in the application.
        java.util.Locale asked = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            return ResponseEntity.ok().contentType(ICALENDAR).cacheControl(CacheControl.noStore())
                    .body(ical(scope, township, y, today, request));
        } finally {
            LocaleContextHolder.setLocale(asked);
        }
    }

    private String ical(DataScope scope, OrgUnit township, int y, LocalDate today, HttpServletRequest request) {
        List<CalendarEntry> entries = calendar.year(scope, township.getId(), y, today);
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        String body = ICalendarWriter.write(msg("calendar.feed.name", township.getName()), entries,
                calendar.now(), new ICalendarWriter.Texts() {
                    @Override
                    public String summary(CalendarEntry e) {
                        return msg("calendar.feed.summary", msg("calendar.state." + e.state()), title(e));
                    }

                    @Override
                    public String description(CalendarEntry e) {
                        return e.note() == null ? title(e) : title(e) + "\n" + e.note();
                    }
                },
                e -> base + "/calendar?townshipId=" + township.getId() + "&year=" + e.due().getYear()
                        + "&month=" + e.due().getMonthValue());
        return body;
    }

    /** The entry's name as listed: the indicator and its period, or the finding. */
    private String title(CalendarEntry e) {
        return e.source() == Source.INDICATOR ? msg("calendar.indicator.title", e.title(), e.periodLabel()) : e.title();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
