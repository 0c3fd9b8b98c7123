package org.luoshi.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The administrators' account list: accounts whose unit lies under a path, filtered by role and
 * state. The query is assembled from fixed fragments; every value is a bound parameter.
 */
@Component
class AccountSearch {

    private final EntityManager em;

    AccountSearch(EntityManager em) {
        this.em = em;
    }

    Page<Row> find(String unitPath, Filter filter, Instant now, Pageable page) {
        StringBuilder where = new StringBuilder(" from Account a join OrgUnit u on u.id = a.orgUnitId where u.path like :path");
        if (filter.role() != null) {
            where.append(" and a.role = :role");
        }
        if (filter.state() != null) {
            where.append(switch (filter.state()) {
                case ENABLED -> " and a.enabled = true";
                case DISABLED -> " and a.enabled = false";
                case LOCKED -> " and a.lockedUntil > :now";
            });
        }
        TypedQuery<Object[]> rows = em.createQuery("select a, u.name" + where + " order by u.path, a.username",
                Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(a)" + where, Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            q.setParameter("path", unitPath + "%");
            if (filter.role() != null) {
                q.setParameter("role", filter.role());
            }
            if (filter.state() == State.LOCKED) {
                q.setParameter("now", now);
            }
        }
        rows.setFirstResult((int) page.getOffset());
        rows.setMaxResults(page.getPageSize());
        List<Row> content = rows.getResultList().stream().map(r -> new Row((Account) r[0], (String) r[1])).toList();
        return new PageImpl<>(content, page, count.getSingleResult());
    }

    enum State { ENABLED, DISABLED, LOCKED }

    record Filter(Long unitId, Role role, State state) {
    }

    /** One line of the list: the account and the name of its unit. */
    record Row(Account account, String unitName) {
    }
}
