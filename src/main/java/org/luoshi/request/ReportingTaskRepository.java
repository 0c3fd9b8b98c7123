package org.luoshi.request;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportingTaskRepository extends JpaRepository<ReportingTask, Long> {

    List<ReportingTask> findByOwnerUnitIdOrderByCreatedAtDescIdDesc(long ownerUnitId);

    List<ReportingTask> findByIdIn(java.util.Collection<Long> ids);

    List<ReportingTask> findByDeadlineBetween(java.time.LocalDate from, java.time.LocalDate to);
}
