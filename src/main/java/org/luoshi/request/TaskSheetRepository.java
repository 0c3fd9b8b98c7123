package org.luoshi.request;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskSheetRepository extends JpaRepository<TaskSheet, Long> {

    Optional<TaskSheet> findByTaskIdAndAnswerIdIsNull(long taskId);

    Optional<TaskSheet> findByAnswerId(long answerId);

    boolean existsByTaskIdAndAnswerIdIsNull(long taskId);
}
