package org.luoshi.inspection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    Page<Notification> findByUnitIdAndRoleOrderByCreatedAtDescIdDesc(Long unitId, String role, Pageable pageable);

    long countByUnitIdAndRoleAndReadAtIsNull(Long unitId, String role);

    /** Marks every unread notification of a unit's role read at once: one update, however many there are. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update Notification n set n.readAt = :at"
            + " where n.unitId = :unitId and n.role = :role and n.readAt is null")
    int markAllRead(@org.springframework.data.repository.query.Param("unitId") Long unitId,
            @org.springframework.data.repository.query.Param("role") String role,
            @org.springframework.data.repository.query.Param("at") java.time.Instant at);
}
