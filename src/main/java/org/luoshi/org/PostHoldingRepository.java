package org.luoshi.org;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PostHoldingRepository extends JpaRepository<PostHolding, Long> {

    Optional<PostHolding> findByPostIdAndEndDateIsNull(Long postId);

    List<PostHolding> findByPostIdIn(java.util.Collection<Long> postIds);

    List<PostHolding> findByPostIdInAndEndDateIsNull(Collection<Long> postIds);

    List<PostHolding> findByPostIdOrderByStartDateDesc(Long postId);

    List<PostHolding> findByPersonIdOrderByStartDateDesc(Long personId);

    List<PostHolding> findByPersonIdAndEndDateIsNull(Long personId);

    List<PostHolding> findByPersonIdInAndEndDateIsNull(Collection<Long> personIds);

    Optional<PostHolding> findFirstByPostIdOrderByStartDateDesc(Long postId);
}
