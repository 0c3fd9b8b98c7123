package org.luoshi.inspection;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RectificationEventRepository extends JpaRepository<RectificationEvent, Long> {

    List<RectificationEvent> findByFindingIdOrderByOccurredAtAscIdAsc(Long findingId);

    boolean existsByFindingIdAndActorAndActionIn(Long findingId, String actor, Collection<RectificationEvent.Action> actions);
}
