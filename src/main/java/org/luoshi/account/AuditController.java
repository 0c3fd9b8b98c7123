package org.luoshi.account;

import java.time.LocalDate;
import java.time.ZoneId;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志: read-only; there is deliberately no handler that edits or deletes an event. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditLog log;
    private final OrgUnitService units;

    AuditController(AuditLog log, OrgUnitService units) {
        this.log = log;
        this.units = units;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return AuditLog.ZONE;
    }

    @GetMapping("/admin/audit")
    String audit(DataScope scope, @RequestParam(required = false) String username,
            @RequestParam(required = false) String event, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long before, @RequestParam(required = false) Long after, Model model) {
        AuditLog.Filter filter = new AuditLog.Filter(blankToNull(username), blankToNull(event),
                AuditTrail.SUCCESS.equals(outcome) || AuditTrail.FAILURE.equals(outcome) ? outcome : null, from, to);
        // An administrator of the whole tree sees everything (also failed logins of unknown names);
        // one scoped to a township sees only what the accounts of that township did.
        boolean wholeTree = units.root().map(r -> r.getPath().equals(scope.unitPath())).orElse(false);
        model.addAttribute("slice", log.find(wholeTree ? null : scope.unitPath(), filter, before, after, AuditLog.PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("outcomes", new String[] {AuditTrail.SUCCESS, AuditTrail.FAILURE});
        return "account/audit";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
