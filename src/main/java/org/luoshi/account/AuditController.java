package org.luoshi.account;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.luoshi.time.Times;
import org.luoshi.web.KeysetPager;
import org.luoshi.web.XlsxTable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志: read-only; there is deliberately no handler that edits or deletes an event. The chain can be verified here. */
@Controller
@PreAuthorize("hasAuthority('system:admin')")
class AuditController {

    private final AuditLog log;
    private final OrgUnitService units;
    private final MessageSource messages;
    private final Times times;

    private final AuditChain chain;
    private final AuditArchive archive;

    private final AuditActions actions;
    private final ActorNames actors;

    AuditController(AuditLog log, OrgUnitService units, MessageSource messages, Times times, AuditChain chain,
            AuditArchive archive, AuditActions actions, ActorNames actors) {
        this.actions = actions;
        this.actors = actors;
        this.chain = chain;
        this.archive = archive;
        this.times = times;
        this.log = log;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/admin/audit")
    String audit(DataScope scope, @RequestParam(required = false) String username,
            @RequestParam(required = false) String event, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String back, Model model) {
        AuditLog.Filter filter = filter(username, event, outcome, from, to);
        AuditLog.Slice slice = log.find(scopeUnitIds(scope), filter, cursorId(cursor), null, AuditLog.PAGE_SIZE);
        Locale locale = LocaleContextHolder.getLocale();
        List<AuditActions.Line> lines = actions.describe(slice.events(), locale);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, lines.size())
                .mapToObj(i -> new Row(slice.events().get(i), lines.get(i))).toList());
        model.addAttribute("pager", new KeysetPager(cursorId(cursor) == null ? null : cursor, back,
                slice.olderThan() == null ? null : String.valueOf(slice.olderThan())));
        model.addAttribute("filter", filter);
        model.addAttribute("outcomes", new String[] {AuditTrail.SUCCESS, AuditTrail.FAILURE});
        return "account/audit";
    }

    /** One line of the page: the event as kept, and what it says in words. */
    record Row(AuditEvent event, AuditActions.Line line) {
    }

    /** A cursor is the id the page starts below; anything else is the first page. */
    private static Long cursorId(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(cursor.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The events matching the page's filter, newest first, as .xlsx. The log grows without bound, so it
     * is read with the page's own cursor {@link #EXPORT_PAGE} events at a time and each page is handed to
     * the response before the next is read.
     */
    @GetMapping("/admin/audit/export")
    void export(DataScope scope, @RequestParam(required = false) String username,
            @RequestParam(required = false) String event, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        AuditLog.Filter filter = filter(username, event, outcome, from, to);
        List<Long> unitIds = scopeUnitIds(scope);
        Locale locale = LocaleContextHolder.getLocale();
        XlsxTable table = XlsxTable.start(response, messages, times.today(), "audit.title", "audit.time", "audit.user",
                "account.field.username", "audit.action", "audit.outcome", "audit.event", "audit.detail", "audit.address");
        Long before = null;
        do {
            AuditLog.Slice slice = log.find(unitIds, filter, before, null, EXPORT_PAGE);
            List<AuditActions.Line> lines = actions.describe(slice.events(), locale);
            for (int i = 0; i < lines.size(); i++) {
                AuditEvent e = slice.events().get(i);
                AuditActions.Line line = lines.get(i);
                table.row(times.second(e.getOccurredAt()), actors.nameOrLogin(e.getUsername()), e.getUsername(), line.action(),
                        line.outcome(), e.getEvent(), e.getDetail(), e.getRemoteAddr());
            }
            table.flush();
            before = slice.olderThan();
        } while (before != null);
        table.finish();
    }

    static final int EXPORT_PAGE = 1_000;

    /** Checks the SM3 chain and the archives; the result is shown on the page (the check itself is audited as a POST). */
    @PostMapping("/admin/audit/verify")
    String verify(RedirectAttributes redirect) {
        AuditChain.Verification v = chain.verify();
        AuditArchive.ArchiveCheck a = archive.verifyArchives();
        Locale locale = LocaleContextHolder.getLocale();
        String db = v.intact()
                ? messages.getMessage("audit.verify.intact", new Object[] {v.rowsChecked(), v.lastHash()}, locale)
                : messages.getMessage("audit.verify.broken", new Object[] {String.valueOf(v.firstBrokenId()),
                        messages.getMessage("audit.verify.problem." + v.problem(), null, locale)}, locale);
        String files = a.intact()
                ? messages.getMessage("audit.verify.archives", new Object[] {a.archives(), a.rows()}, locale)
                : messages.getMessage("audit.verify.archivesBroken", new Object[] {a.problem()}, locale);
        redirect.addFlashAttribute("verification", db + " " + files);
        redirect.addFlashAttribute("verificationIntact", v.intact() && a.intact());
        return "redirect:/admin/audit";
    }

    private AuditLog.Filter filter(String username, String event, String outcome, LocalDate from, LocalDate to) {
        String text = blankToNull(event);
        return new AuditLog.Filter(blankToNull(username), text,
                AuditTrail.SUCCESS.equals(outcome) || AuditTrail.FAILURE.equals(outcome) ? outcome : null, from, to,
                text == null ? List.of() : actions.routesSaying(text, LocaleContextHolder.getLocale()));
    }

    /**
     * An administrator of the whole tree sees everything (also failed logins of unknown names), so null;
     * one scoped to a township sees only what the accounts of that township's units did.
     */
    private List<Long> scopeUnitIds(DataScope scope) {
        boolean wholeTree = units.root().map(r -> r.getPath().equals(scope.unitPath())).orElse(false);
        return wholeTree ? null : units.unitIds(scope.unitPath(), false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
