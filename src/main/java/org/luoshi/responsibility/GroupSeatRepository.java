package org.luoshi.responsibility;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GroupSeatRepository extends JpaRepository<GroupSeat, Long> {

    List<GroupSeat> findByGroupId(Long groupId);

    List<GroupSeat> findByGroupIdIn(Collection<Long> groupIds);
}
