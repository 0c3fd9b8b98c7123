package org.luoshi.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.luoshi.time.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail, newest first. Pages are cut by id (keyset), never by OFFSET and never
 * with a COUNT over the table, because the trail grows without bound (kept at least six months).
 */
@Service
@Transactional(readOnly = true)
class AuditLog {

    static final int PAGE_SIZE = 50;

    private final EntityManager em;
    private final Times times;

    AuditLog(EntityManager em, Times times) {
        this.times = times;
        this.em = em;
    }

    /**
     * One page of events matching the filter, limited to what the accounts of the units
     * {@code scopeUnitIds} did (null: everything): older than {@code before}, or newer than
     * {@code after} (for going back), or the newest ones.
     */
    Slice find(Collection<Long> scopeUnitIds, Filter filter, Long before, Long after, int size) {
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (scopeUnitIds != null) {
            jpql.append(" and e.username in (select a.username from Account a where a.orgUnitId in :scopeUnitIds)");
            params.put("scopeUnitIds", scopeUnitIds);
        }
        if (filter.username() != null) {
            // the login name in any case, or the account's display name (what the column shows when no person is named)
            jpql.append(" and (lower(e.username) = :username or e.username in"
                    + " (select a.username from Account a where lower(a.displayName) like :displayName))");
            params.put("username", filter.username().toLowerCase(Locale.ROOT));
            params.put("displayName", "%" + filter.username().toLowerCase(Locale.ROOT).replace("%", "") + "%");
        }
        if (filter.event() != null) {
            // the raw request in any case ("post /org/units"), or an action in words ("删除台账") through the actions table
            jpql.append(" and (lower(e.event) like :event");
            params.put("event", "%" + filter.event().toLowerCase(Locale.ROOT).replace("%", "") + "%");
            List<String> targets = new ArrayList<>();
            List<String> events = new ArrayList<>();
            for (String route : filter.routes()) {
                events.add(route);
                int space = route.indexOf(' ');
                if (space > 0) {
                    targets.add(route.substring(space + 1));
                }
            }
            if (!events.isEmpty()) {
                jpql.append(" or e.event in :events");
                params.put("events", events);
            }
            if (!targets.isEmpty()) {
                jpql.append(" or e.target in :targets");
                params.put("targets", targets);
            }
            jpql.append(")");
        }
        if (filter.outcome() != null) {
            jpql.append(" and e.outcome = :outcome");
            params.put("outcome", filter.outcome());
        }
        if (filter.from() != null) {
            jpql.append(" and e.occurredAt >= :from");
            params.put("from", times.startOf(filter.from()));
        }
        if (filter.to() != null) {
            jpql.append(" and e.occurredAt < :to");
            params.put("to", times.startOf(filter.to().plusDays(1)));
        }
        boolean backwards = before == null && after != null;
        if (before != null) {
            jpql.append(" and e.id < :before");
            params.put("before", before);
        } else if (after != null) {
            jpql.append(" and e.id > :after");
            params.put("after", after);
        }
        jpql.append(backwards ? " order by e.id asc" : " order by e.id desc");
        TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
        params.forEach(query::setParameter);
        // One row more than shown tells whether there is a further page, without counting.
        List<AuditEvent> rows = new ArrayList<>(query.setMaxResults(size + 1).getResultList());
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        Long first = rows.isEmpty() ? null : rows.get(0).getId();
        Long last = rows.isEmpty() ? null : rows.get(rows.size() - 1).getId();
        boolean hasOlder = backwards ? last != null : more;
        boolean hasNewer = backwards ? more : (before != null && first != null);
        return new Slice(rows, hasNewer ? first : null, hasOlder ? last : null);
    }

    /** @param routes the actions table's routes whose words contain {@code event} ("METHOD route") */
    record Filter(String username, String event, String outcome, LocalDate from, LocalDate to,
            Collection<String> routes) {

        Filter(String username, String event, String outcome, LocalDate from, LocalDate to) {
            this(username, event, outcome, from, to, List.of());
        }
    }

    /**
     * @param newerThan cursor for the page of newer events, null on the newest page
     * @param olderThan cursor for the page of older events, null on the last page
     */
    record Slice(List<AuditEvent> events, Long newerThan, Long olderThan) {
    }
}
