package org.luoshi.org;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<Person, Long> {

    List<Person> findByOrgUnitIdOrderByName(Long orgUnitId);

    Page<Person> findByOrgUnitIdOrderByNameAscIdAsc(Long orgUnitId, Pageable pageable);

    List<Person> findByOrgUnitIdInAndActiveTrueOrderByName(Collection<Long> orgUnitIds);

    boolean existsByOrgUnitId(Long orgUnitId);

    /** People of the units whose path matches the pattern, whose name contains the text, by name. */
    @org.springframework.data.jpa.repository.Query("""
            select p from Person p, OrgUnit u where u.id = p.orgUnitId and u.path like :pathPattern
            and lower(p.name) like :namePattern escape '\\' order by p.name, p.id""")
    List<Person> searchByName(String pathPattern, String namePattern, Pageable pageable);
}
