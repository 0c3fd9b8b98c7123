package org.luoshi.account;

import java.util.HashMap;
import java.util.Map;
import org.luoshi.org.PersonService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who did something, as people read it: records, scores, timelines and the audit keep the login name
 * (it never changes and is what the audit chain hashes), and pages show it through {@code @actors.name(…)}
 * as the name of the person the account names, else the account's display name. A name with no account
 * behind it is the application itself (start-up data, scheduled jobs): shown as 系统.
 */
@Component("actors")
public class ActorNames {

    private static final String MEMO = ActorNames.class.getName() + ".memo";

    private final AccountRepository accounts;
    private final PersonService people;
    private final MessageSource messages;

    ActorNames(AccountRepository accounts, PersonService people, MessageSource messages) {
        this.accounts = accounts;
        this.people = people;
        this.messages = messages;
    }

    /** The readable name behind a login name; null or blank stays empty. */
    public String name(String username) {
        return name(username, false);
    }

    /**
     * For the audit: a name no account has (a failed sign-in with a made-up name) is shown as it was given,
     * not as 系统.
     */
    public String nameOrLogin(String username) {
        return name(username, true);
    }

    private String name(String username, boolean loginIfUnknown) {
        if (username == null || username.isBlank()) {
            return "";
        }
        Map<String, String> memo = memo();
        String memoKey = (loginIfUnknown ? "login:" : "name:") + username;
        String known = memo.get(memoKey);
        if (known != null) {
            return known;
        }
        String name = accounts.findByUsername(username)
                .map(a -> a.getPersonId() == null ? a.getDisplayName()
                        : people.nameOf(a.getPersonId()).orElse(a.getDisplayName()))
                .orElseGet(() -> loginIfUnknown ? username
                        : messages.getMessage("actor.system", null, LocaleContextHolder.getLocale()));
        memo.put(memoKey, name);
        return name;
    }

    /**
     * A list page names the same few people on every row: one look-up per name and request. Outside a
     * request (exports, jobs) nothing is kept, so a renamed person is never shown by an old name for long.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> memo() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return new HashMap<>();
        }
        Object memo = request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<String, String>();
            request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, String>) memo;
    }
}
