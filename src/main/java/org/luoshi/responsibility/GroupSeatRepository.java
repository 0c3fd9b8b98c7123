package org.luoshi.responsibility;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GroupSeatRepository extends JpaRepository<GroupSeat, Long> {

    /** The group's seats today. */
    List<GroupSeat> findByGroupIdAndRemovedOnIsNull(Long groupId);

    /** Every seat the group ever had, removed ones included. */
    List<GroupSeat> findByGroupId(Long groupId);

    List<GroupSeat> findByGroupIdInAndRemovedOnIsNull(Collection<Long> groupIds);
}
