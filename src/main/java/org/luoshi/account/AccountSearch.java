package org.luoshi.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.org.OrgUnit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The administrators' account list: accounts whose unit lies in a subtree, filtered by role and
 * state. The query is assembled from fixed fragments; every value is a bound parameter.
 */
@Component
class AccountSearch {

    private final EntityManager em;

    AccountSearch(EntityManager em) {
        this.em = em;
    }

    /**
     * One page of the accounts of the units {@code subtree} (from the org module, which alone reads
     * org_unit), ordered by the unit's path and then by username. The units are not in the query, so
     * the matching accounts (a few per unit of one county) are all read, in username order, and sorted
     * by their unit's path (a stable sort) and cut into the page here.
     */
    Page<Row> find(List<OrgUnit> subtree, Filter filter, Instant now, Pageable page) {
        StringBuilder where = new StringBuilder(" from Account a where a.orgUnitId in :unitIds");
        if (filter.role() != null) {
            where.append(" and a.role = :role");
        }
        if (filter.text() != null) {
            where.append(" and (lower(a.username) like :text or lower(a.displayName) like :text)");
        }
        if (filter.state() != null) {
            where.append(switch (filter.state()) {
                case ENABLED -> " and a.enabled = true";
                case DISABLED -> " and a.enabled = false";
                case LOCKED -> " and a.lockedUntil > :now";
            });
        }
        TypedQuery<Account> rows = em.createQuery("select a" + where + " order by a.username", Account.class);
        Map<Long, OrgUnit> units = subtree.stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        rows.setParameter("unitIds", units.keySet());
        if (filter.role() != null) {
            rows.setParameter("role", filter.role());
        }
        if (filter.state() == State.LOCKED) {
            rows.setParameter("now", now);
        }
        if (filter.text() != null) {
            rows.setParameter("text", "%" + filter.text().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        List<Account> all = new ArrayList<>(rows.getResultList());
        all.sort(Comparator.comparing(a -> units.get(a.getOrgUnitId()).getPath()));
        int from = (int) Math.min(page.getOffset(), all.size());
        int to = Math.min(from + page.getPageSize(), all.size());
        List<Row> content = all.subList(from, to).stream()
                .map(a -> new Row(a, units.get(a.getOrgUnitId()).getName(),
                        a.getRole().labelKey(units.get(a.getOrgUnitId()).getKind()))).toList();
        return new PageImpl<>(content, page, all.size());
    }

    enum State { ENABLED, DISABLED, LOCKED }

    /** @param text part of the username or the name, any case; null for all */
    record Filter(Long unitId, Role role, State state, String text) {
    }

    /** One line of the list: the account and the name of its unit. */
    /** @param roleKey the message key of the role's name at the account's unit (市委宣传部审核人 at a city) */
    record Row(Account account, String unitName, String roleKey) {
    }
}
