package org.luoshi.inspection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    Page<Notification> findByUnitIdAndRoleOrderByCreatedAtDescIdDesc(Long unitId, String role, Pageable pageable);

    long countByUnitIdAndRoleAndReadAtIsNull(Long unitId, String role);

}
