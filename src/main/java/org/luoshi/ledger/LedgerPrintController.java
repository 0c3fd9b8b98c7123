package org.luoshi.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.time.Times;
import org.luoshi.web.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger's print views: a study session's (or meeting's) 签到表 and a record sheet with its photos.
 * They read through {@link LedgerService} with the user's scope, as the record page does, so a record
 * of another township is 404 here too; nothing is stored.
 */
@Controller
@RequestMapping("/ledger")
class LedgerPrintController {

    private final LedgerService ledger;
    private final RecordKinds kinds;
    private final RecordPresenter presenter;
    private final PersonService people;
    private final Times times;

    LedgerPrintController(LedgerService ledger, RecordKinds kinds, RecordPresenter presenter, PersonService people, Times times) {
        this.ledger = ledger;
        this.kinds = kinds;
        this.presenter = presenter;
        this.people = people;
        this.times = times;
    }

    /** One line of a sign-in sheet: the name printed, the signature cell left blank. */
    record Attendee(String name, String unitName) {
    }

    /**
     * The sign-in sheet of a recorded session: whoever its attendance lists, or, when nobody is listed
     * yet, the people the ledger would suggest for the unit (the same list the new-record form starts with).
     */
    @GetMapping("/records/{id}/sign-in-sheet")
    String signInSheet(DataScope scope, @PathVariable long id, Model model) {
        LedgerRecord record = ledger.get(scope, id);
        RecordKind kind = kinds.get(record.kind());
        if (!kind.hasAttendance()) {
            throw new NotFoundException("SignInSheet", id);
        }
        List<Attendee> attendees;
        if (record.attendance().isEmpty()) {
            attendees = attendees(ledger.suggestedAttendees(scope, record.unitId(), kind));
        } else {
            List<Long> ids = record.attendance().stream().map(AttendanceEntry::personId).toList();
            Map<Long, Person> known = people.byIds(scope, ids);
            attendees = new ArrayList<>();
            for (Long personId : ids) {
                Person p = known.get(personId);
                attendees.add(p == null ? new Attendee(ledger.personName(personId), "")
                        : new Attendee(p.getName(), presenter.unitName(p.getOrgUnitId())));
            }
        }
        Object chair = record.field("chair");
        String host = chair instanceof Number n ? ledger.personName(n.longValue()) : "";
        return signIn(model, kind, record.unitId(), record.title(), record.occurredOn(), record.occurredUntil(), host,
                topicOf(record), attendees, "/ledger/records/" + id);
    }

    /** A blank sign-in sheet for a session being planned: the unit's suggested attendees, title and date as typed. */
    @GetMapping("/{kind:[a-zA-Z_-]+}/sign-in-sheet")
    @PreAuthorize(LedgerController.WRITERS)
    String plannedSignInSheet(DataScope scope, @PathVariable String kind, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn, Model model) {
        scope.requireWritable();
        RecordKind k = kinds.get(kind);
        if (!k.hasAttendance()) {
            throw new NotFoundException("SignInSheet", kind);
        }
        long unit = unitId == null ? scope.unitId() : unitId;
        List<Attendee> attendees = attendees(ledger.suggestedAttendees(scope, unit, k));
        return signIn(model, k, unit, title == null ? "" : title.strip(), occurredOn, null, "", "", attendees,
                "/ledger/" + k.slug() + "/new?unitId=" + unit);
    }

    private List<Attendee> attendees(List<Person> persons) {
        return persons.stream().map(p -> new Attendee(p.getName(), presenter.unitName(p.getOrgUnitId()))).toList();
    }

    private static String topicOf(LedgerRecord record) {
        Object topic = record.field(LedgerTerms.TOPIC);
        return topic == null ? "" : topic.toString();
    }

    private String signIn(Model model, RecordKind kind, long unitId, String title, LocalDate on, LocalDate until, String host,
            String topic, List<Attendee> attendees, String back) {
        model.addAttribute("kindLabel", presenter.msg(kind.labelKey()));
        model.addAttribute("unitName", presenter.unitName(unitId));
        model.addAttribute("sessionTitle", title);
        model.addAttribute("date", on == null ? "" : until == null ? on.toString() : on + " ~ " + until);
        model.addAttribute("host", host);
        model.addAttribute("topic", topic);
        model.addAttribute("attendees", attendees);
        model.addAttribute("back", back);
        return "print/sign-in-sheet";
    }

    /** A photo or file of the printed record, with the caption printed under it. */
    record Photo(long id, String caption, boolean image) {
    }

    /** A record as one sheet: its fields, attendance, notes, and its photos at print size with captions. */
    @GetMapping("/records/{id}/print")
    String print(DataScope scope, @PathVariable long id, Model model) {
        LedgerRecord record = ledger.get(scope, id);
        RecordKind kind = kinds.get(record.kind());
        model.addAttribute("record", record);
        model.addAttribute("kind", kind);
        model.addAttribute("kindLabel", presenter.msg(kind.labelKey()));
        model.addAttribute("subKind", presenter.subKind(record));
        model.addAttribute("unitName", presenter.unitName(record.unitId()));
        model.addAttribute("fields", presenter.fields(record));
        List<String> attendance = record.attendance().stream()
                .map(a -> ledger.personName(a.personId()) + "（" + presenter.msg("ledger.attendance.status." + a.status()) + "）")
                .toList();
        model.addAttribute("attendance", attendance);
        List<Photo> files = ledger.attachments(scope, id).stream()
                .map(a -> new Photo(a.getId(), a.getFileName() + " · " + times.minute(a.getUploadedAt()), a.isImage())).toList();
        model.addAttribute("photos", files.stream().filter(Photo::image).toList());
        model.addAttribute("files", files.stream().filter(f -> !f.image()).toList());
        model.addAttribute("recordedAt", times.minute(record.recordedAt()));
        model.addAttribute("back", "/ledger/records/" + id);
        return "print/record";
    }
}
