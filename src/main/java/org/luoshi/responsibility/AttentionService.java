package org.luoshi.responsibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The needs-attention list: seats and responsibilities whose post is vacant or changed holder
 * since they were last confirmed, across every township in scope.
 */
@Service
@Transactional(readOnly = true)
public class AttentionService {

    /**
     * Seats and responsibilities of the given townships whose post has no current holder, or one
     * other than the holder confirmed last. The name of the holder confirmed last is shown only if
     * that person still belongs to the post's unit or the township (someone who has since moved
     * elsewhere is shown without a name). Reads the org module's post, holding and person tables.
     */
    private static final String ATTENTION = """
            select x.subject, x.id, x.township_id, x.label, p.title as post_title, holder.name as holder_name,
                   case when confirmed.org_unit_id in (p.org_unit_id, x.township_id) then confirmed.name end
                       as confirmed_holder_name,
                   x.confirmed_at
            from (select 'SEAT' as subject, s.id, g.org_unit_id as township_id, s.seat_role as label, s.post_id,
                         s.confirmed_holder_id, s.confirmed_at
                  from group_seat s join leading_group g on g.id = s.group_id
                  where g.org_unit_id in (:townships)
                  union all
                  select 'DUTY', r.id, r.org_unit_id, r.kind, r.post_id, r.confirmed_holder_id, r.confirmed_at
                  from responsibility r
                  where r.org_unit_id in (:townships)) x
            join post p on p.id = x.post_id
            left join post_holding h on h.post_id = x.post_id and h.end_date is null
            left join person holder on holder.id = h.person_id
            left join person confirmed on confirmed.id = x.confirmed_holder_id
            where holder.id is null or x.confirmed_holder_id is null or holder.id <> x.confirmed_holder_id
            order by x.subject desc, x.id
            """;

    private final JdbcClient jdbc;
    private final Townships townships;

    AttentionService(JdbcClient jdbc, Townships townships) {
        this.jdbc = jdbc;
        this.townships = townships;
    }

    public List<AttentionItem> items(DataScope scope) {
        Map<Long, OrgUnit> inScope = townships.inScope(scope).stream()
                .collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        if (inScope.isEmpty()) {
            return List.of();
        }
        List<AttentionItem> items = new ArrayList<>(jdbc.sql(ATTENTION).param("townships", inScope.keySet())
                .query((rs, n) -> new AttentionItem(AttentionItem.Subject.valueOf(rs.getString("subject")), rs.getLong("id"),
                        rs.getLong("township_id"), inScope.get(rs.getLong("township_id")).getName(), rs.getString("label"),
                        rs.getString("post_title"), rs.getString("holder_name"), rs.getString("confirmed_holder_name"),
                        instant(rs.getTimestamp("confirmed_at"))))
                .list());
        items.sort(Comparator.comparing(AttentionItem::townshipName).thenComparing(AttentionItem::subject)
                .thenComparing(AttentionItem::postTitle));
        return items;
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * One seat or responsibility to look at.
     *
     * @param label the seat role or responsibility kind, as the enum constant name
     * @param holderName who holds the post now; null when vacant
     * @param confirmedHolderName who held it when last confirmed, if known
     */
    public record AttentionItem(Subject subject, long id, long townshipId, String townshipName, String label,
            String postTitle, String holderName, String confirmedHolderName, Instant confirmedAt) {

        public enum Subject { SEAT, DUTY }

        public boolean vacant() {
            return holderName == null;
        }
    }
}
