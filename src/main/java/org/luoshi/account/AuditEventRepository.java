package org.luoshi.account;

import org.springframework.data.repository.Repository;

/** Append-only: it can save and nothing else, so no code path can edit or delete the trail. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);
}
