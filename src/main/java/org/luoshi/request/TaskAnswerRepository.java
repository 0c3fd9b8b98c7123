package org.luoshi.request;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskAnswerRepository extends JpaRepository<TaskAnswer, Long> {

    List<TaskAnswer> findByTaskIdOrderByIdAsc(long taskId);

    List<TaskAnswer> findByTaskIdIn(Collection<Long> taskIds);

    List<TaskAnswer> findByTownshipIdOrderByIdDesc(long townshipId);

    Optional<TaskAnswer> findByTaskIdAndTownshipId(long taskId, long townshipId);

    List<TaskAnswer> findByReportId(long reportId);
}
