package org.luoshi.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.luoshi.web.SubjectTitles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * What an audit line says to a person: the trail keeps the request as it came ("POST /ledger/records/430/delete",
 * route "/ledger/records/{id}/delete", status 302) because that is what its SM3 chain hashes; this one table turns a
 * route into an action in words ("删除台账记录 #430") and a status into an outcome ("成功", "无权限"). The same table
 * answers the page's filter: typing "删除" finds every route whose action says so.
 */
@Component
class AuditActions {

    /** "METHOD route" → the action's message key under {@code audit.action.}; {0} is the route's first variable. */
    static final Map<String, String> ACTIONS = table(
            "LOGIN", "login",
            "POST /logout", "logout",
            "POST /login/second-factor", "secondFactorCode",
            "POST /account/password", "password",
            "POST /account/profile/email", "profileEmail",
            "POST /account/profile/tokens", "tokenCreate",
            "POST /account/profile/tokens/{id}/revoke", "tokenRevoke",
            "POST /account/second-factor", "secondFactorOn",
            "POST /account/second-factor/disable", "secondFactorOff",
            "POST /admin/accounts", "accountCreate",
            "POST /admin/accounts/{id}", "accountUpdate",
            "POST /admin/accounts/{id}/disable", "accountDisable",
            "POST /admin/accounts/{id}/enable", "accountEnable",
            "POST /admin/accounts/{id}/reset-password", "accountReset",
            "POST /admin/accounts/{id}/unlock", "accountUnlock",
            "POST /admin/audit/verify", "auditVerify",
            "POST /admin/backup", "backup",
            "POST /admin/backup/check", "backupCheck",
            "POST /assessment/county/ranking", "ranking",
            "POST /assessment/evaluation/manual-score", "manualScore",
            "POST /assessment/sets", "setCreate",
            "POST /assessment/sets/default", "setDefault",
            "POST /assessment/sets/import", "setImport",
            "POST /assessment/sets/{id}", "setUpdate",
            "POST /assessment/sets/{id}/burden-rules", "setBurden",
            "POST /assessment/sets/{id}/delete", "setDelete",
            "POST /assessment/sets/{id}/indicators", "indicatorCreate",
            "POST /assessment/sets/{id}/indicators/{indicatorId}", "indicatorUpdate",
            "POST /assessment/sets/{id}/indicators/{indicatorId}/delete", "indicatorDelete",
            "POST /assessment/sets/{id}/publish", "setPublish",
            "POST /exchange/imports", "importUpload",
            "POST /exchange/imports/{id}/commit", "importCommit",
            "POST /exchange/org/imports", "orgImport",
            "POST /inspection/checklists", "checklistCreate",
            "POST /inspection/checklists/import", "checklistImport",
            "POST /inspection/checklists/{checklistId}/self-inspections", "selfInspectionStart",
            "POST /inspection/checklists/{id}", "checklistUpdate",
            "POST /inspection/checklists/{id}/items", "checklistItemCreate",
            "POST /inspection/checklists/{id}/items/{itemId}/delete", "checklistItemDelete",
            "POST /inspection/findings/generate", "findingsGenerate",
            "POST /inspection/findings/{id}/evidence", "findingEvidence",
            "POST /inspection/findings/{id}/follow-up", "findingFollowUp",
            "POST /inspection/findings/{id}/ledger-records", "findingRecords",
            "POST /inspection/findings/{id}/notes", "findingNote",
            "POST /inspection/findings/{id}/plan", "findingPlan",
            "POST /inspection/findings/{id}/recheck", "findingRecheck",
            "POST /inspection/findings/{id}/start", "findingStart",
            "POST /inspection/findings/{id}/submit", "findingSubmit",
            "POST /inspection/inspections/{id}/answers", "inspectionAnswers",
            "POST /inspection/inspections/{id}/findings", "inspectionFinding",
            "POST /inspection/inspections/{id}/finish-self", "inspectionFinishSelf",
            "POST /inspection/inspections/{id}/finish-visit", "inspectionFinishVisit",
            "POST /inspection/inspections/{id}/items/{itemId}/evidence", "inspectionEvidence",
            "POST /inspection/inspections/{id}/prefill", "inspectionPrefill",
            "POST /inspection/notifications/read-all", "notificationReadAll",
            "POST /inspection/notifications/{id}/read", "notificationRead",
            "POST /inspection/notifications/read-all", "notificationReadAll",
            "POST /inspection/visits", "visitCreate",
            "POST /ledger/records/{id}", "recordUpdate",
            "POST /ledger/records/{id}/attachments", "recordAttach",
            "POST /ledger/records/{id}/attachments/{attachmentId}/remove", "recordDetach",
            "POST /ledger/records/{id}/delete", "recordDelete",
            "POST /ledger/records/{id}/restore", "recordRestore",
            "POST /ledger/{kind:[a-zA-Z_-]+}", "recordCreate",
            "POST /org/people", "personCreate",
            "POST /org/people/{id}", "personUpdate",
            "POST /org/people/{id}/activate", "personActivate",
            "POST /org/people/{id}/deactivate", "personDeactivate",
            "POST /org/posts", "postCreate",
            "POST /org/posts/{id}", "postUpdate",
            "POST /org/posts/{id}/activate", "postActivate",
            "POST /org/posts/{id}/deactivate", "postDeactivate",
            "POST /org/posts/{id}/holder", "postAssign",
            "POST /org/posts/{id}/vacate", "postVacate",
            "POST /org/units", "unitCreate",
            "POST /org/units/{id}", "unitUpdate",
            "POST /org/units/{id}/activate", "unitActivate",
            "POST /org/units/{id}/deactivate", "unitDeactivate",
            "POST /org/units/{id}/delete", "unitDelete",
            "POST /org/units/{id}/move", "unitMove",
            "POST /org/units/{id}/above", "unitAbove",
            "POST /requests", "requestCreate",
            "POST /requests/{id}/remind", "requestRemind",
            "POST /requests/answers/{answerId}/submit", "answerSubmit",
            "POST /requests/answers/{answerId}/sheet", "answerSheet",
            "POST /requests/answers/{answerId}/return", "answerReturn",
            "POST /requests/answers/{answerId}/accept", "answerAccept",
            "POST /report", "reportCreate",
            "POST /report/templates", "templateUpload",
            "POST /report/templates/{templateId}/retire", "templateRetire",
            "POST /report/{id}", "reportSave",
            "POST /report/{id}/accept", "reportAccept",
            "POST /report/{id}/approve", "reportApprove",
            "POST /report/{id}/override", "reportOverride",
            "POST /report/{id}/regenerate", "reportRegenerate",
            "POST /report/{id}/resolve", "reportResolve",
            "POST /report/{id}/return", "reportReturn",
            "POST /report/{id}/revise", "reportRevise",
            "POST /report/{id}/submit", "reportSubmit",
            "POST /responsibility/duties", "dutyCreate",
            "POST /responsibility/duties/confirm", "dutiesConfirm",
            "POST /responsibility/duties/{id}", "dutyUpdate",
            "POST /responsibility/duties/{id}/confirm", "dutyConfirm",
            "POST /responsibility/duties/{id}/delete", "dutyDelete",
            "POST /responsibility/groups/{townshipId}", "groupUpdate",
            "POST /responsibility/groups/{townshipId}/confirm", "groupConfirm",
            "POST /responsibility/groups/{townshipId}/seats", "seatCreate",
            "POST /responsibility/groups/{townshipId}/seats/{seatId}", "seatUpdate",
            "POST /responsibility/groups/{townshipId}/seats/{seatId}/confirm", "seatConfirm",
            "POST /responsibility/groups/{townshipId}/seats/{seatId}/delete", "seatDelete",
            "POST /responsibility/letters/sign", "letterSign",
            "POST /responsibility/letters/sign-all", "letterSignAll");

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final MessageSource messages;
    private final List<SubjectTitles> titles;

    AuditActions(MessageSource messages, List<SubjectTitles> titles) {
        this.messages = messages;
        this.titles = titles;
    }

    /**
     * One audit line in words.
     *
     * @param detail what the trail noted, for an event the table does not name (else null: the words say it)
     */
    record Line(String action, String outcome, String detail) {
    }

    /** The lines of a page, the titles of the things they act on read once per kind of thing. */
    List<Line> describe(List<AuditEvent> events, Locale locale) {
        List<Optional<Subject>> subjects = events.stream().map(this::subject).toList();
        Map<SubjectTitles, Set<Long>> wanted = new HashMap<>();
        subjects.forEach(subject -> subject.ifPresent(
                s -> wanted.computeIfAbsent(s.titles(), k -> new HashSet<>()).add(s.id())));
        Map<SubjectTitles, Map<Long, String>> found = new HashMap<>();
        wanted.forEach((titles, ids) -> found.put(titles, titles.titles(ids)));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            String title = subjects.get(i).map(s -> found.get(s.titles()).get(s.id())).orElse(null);
            lines.add(new Line(action(e, locale, title), outcome(e, locale), named(e) ? null : e.getDetail()));
        }
        return lines;
    }

    /** What a route acted on: the module naming such things and the thing's id. */
    private record Subject(SubjectTitles titles, long id) {
    }

    private Optional<Subject> subject(AuditEvent e) {
        String id = routeId(e);
        if (e.getTarget() == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return titles.stream().filter(t -> e.getTarget().startsWith(t.routePrefix() + "/{")).findFirst()
                .map(t -> new Subject(t, Long.parseLong(id)));
    }

    /** The first variable of the route the event matched ("430" of /ledger/records/{id}/delete), or "". */
    private static String routeId(AuditEvent e) {
        String event = e.getEvent() == null ? "" : e.getEvent();
        int space = event.indexOf(' ');
        String path = space < 0 ? "" : stripQuery(event.substring(space + 1));
        if (e.getTarget() == null || !PATHS.match(e.getTarget(), path)) {
            return "";
        }
        Map<String, String> variables = PATHS.extractUriTemplateVariables(e.getTarget(), path);
        return variables.isEmpty() ? "" : variables.values().iterator().next();
    }

    private static boolean named(AuditEvent e) {
        String event = e.getEvent() == null ? "" : e.getEvent();
        int space = event.indexOf(' ');
        String method = space < 0 ? event : event.substring(0, space);
        return "LOGIN".equals(method) || ACTIONS.containsKey(event)
                || (e.getTarget() != null && ACTIONS.containsKey(method + " " + e.getTarget()));
    }

    /** @param title the title of the thing the route acted on, or null */
    private String action(AuditEvent e, Locale locale, String title) {
        String event = e.getEvent() == null ? "" : e.getEvent();
        int space = event.indexOf(' ');
        String method = space < 0 ? event : event.substring(0, space);
        String path = space < 0 ? "" : event.substring(space + 1);
        String key = e.getTarget() == null ? ACTIONS.get(event) : ACTIONS.get(method + " " + e.getTarget());
        if (key == null && "LOGIN".equals(method)) {
            key = ACTIONS.get("LOGIN");
        }
        if (key == null) {
            // a route the table does not name yet (an API call, a download): its kind and the address
            String kind = path.startsWith("/api/") ? "api" : "GET".equals(method) ? "download" : "other";
            return messages.getMessage("audit.action.fallback." + kind, new Object[] {method, path}, locale);
        }
        String id = routeId(e);
        String words = messages.getMessage("audit.action." + key, new Object[] {id}, locale).strip();
        return id.isEmpty() || title == null ? words : words + messages.getMessage("audit.titled", new Object[] {title}, locale);
    }

    /** 成功, or 失败 with what went wrong in words (the status and the refusal the filter noted). */
    String outcome(AuditEvent e, Locale locale) {
        if (AuditTrail.SUCCESS.equals(e.getOutcome())) {
            return messages.getMessage("audit.outcome.SUCCESS", null, locale);
        }
        String detail = e.getDetail() == null ? "" : e.getDetail();
        String reason;
        if (detail.contains("not-signed-in")) {
            reason = "notSignedIn";
        } else if (detail.contains("password-change-required")) {
            reason = "passwordChange";
        } else if (detail.contains("second-factor-required")) {
            reason = "secondFactor";
        } else if (detail.contains("locked")) {
            reason = "locked";
        } else if (detail.contains("bad-credentials")) {
            reason = "badCredentials";
        } else if (e.getStatus() != null && List.of(400, 401, 403, 404, 409, 413, 415).contains(e.getStatus())) {
            reason = String.valueOf(e.getStatus());
        } else if (e.getStatus() != null && e.getStatus() >= 500) {
            reason = "500";
        } else {
            reason = "other";
        }
        return messages.getMessage("audit.failure",
                new Object[] {messages.getMessage("audit.reason." + reason, null, locale)}, locale);
    }

    /** The routes whose action, in words, contains the text (case-insensitive), for the page's filter. */
    Collection<String> routesSaying(String text, Locale locale) {
        String wanted = text.toLowerCase(locale);
        List<String> routes = new ArrayList<>();
        ACTIONS.forEach((route, key) -> {
            String words = messages.getMessage("audit.action." + key, new Object[] {""}, locale).toLowerCase(locale);
            if (words.contains(wanted)) {
                routes.add(route);
            }
        });
        return routes;
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(map);
    }
}
