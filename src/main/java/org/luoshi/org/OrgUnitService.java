package org.luoshi.org;

import java.util.List;
import java.util.Objects;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The org tree, always seen through a {@link DataScope}. */
@Service
@Transactional(readOnly = true)
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final PersonRepository people;
    private final PostRepository posts;

    OrgUnitService(OrgUnitRepository units, PersonRepository people, PostRepository posts) {
        this.units = units;
        this.people = people;
        this.posts = posts;
    }

    /** The unit, if it exists and lies in scope; otherwise 404, so that foreign ids reveal nothing. */
    public OrgUnit get(DataScope scope, long id) {
        return units.findById(id).filter(scope::covers).orElseThrow(() -> new NotFoundException("OrgUnit", id));
    }

    /** The unit for internal use (e.g. building a scope at login); no scope check. */
    public OrgUnit getUnchecked(long id) {
        return units.findById(id).orElseThrow(() -> new NotFoundException("OrgUnit", id));
    }

    /** Every unit in scope, in tree order (parents before children). */
    public List<OrgUnit> tree(DataScope scope) {
        return units.findSubtree(scope.unitPath());
    }

    public List<OrgUnit> subtree(DataScope scope, long rootId) {
        return units.findSubtree(get(scope, rootId).getPath());
    }

    public List<OrgUnit> children(DataScope scope, long parentId) {
        get(scope, parentId);
        return units.findByParentIdOrderBySortOrderAscNameAsc(parentId);
    }

    public List<OrgUnit> ofKind(DataScope scope, OrgUnitKind kind) {
        return units.findSubtreeOfKind(scope.unitPath(), kind);
    }

    /** The township the unit belongs to (itself if it is one), or empty above township level. */
    public java.util.Optional<OrgUnit> townshipOf(OrgUnit unit) {
        OrgUnit current = unit;
        while (current != null) {
            if (current.getKind() == OrgUnitKind.TOWNSHIP) {
                return java.util.Optional.of(current);
            }
            current = current.getParentId() == null ? null : units.findById(current.getParentId()).orElse(null);
        }
        return java.util.Optional.empty();
    }

    /** Creates the county at the root of an empty tree: for start-up (first admin, demo data) only. */
    @Transactional
    public OrgUnit createRoot(String name) {
        if (units.findByParentIdIsNull().isPresent()) {
            throw new RuleViolationException("org.unit.rootExists");
        }
        OrgUnit unit = new OrgUnit(null, OrgUnitKind.COUNTY, name);
        units.saveAndFlush(unit);
        unit.placeUnder(null);
        return unit;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<OrgUnit> root() {
        return units.findByParentIdIsNull();
    }

    /** A full-rights scope over the whole tree, for start-up jobs that act as the system. */
    public DataScope systemScope() {
        OrgUnit root = root().orElseThrow(() -> new IllegalStateException("no org tree yet"));
        return new DataScope("system", root.getId(), root.getPath(), true);
    }

    @Transactional
    public OrgUnit create(DataScope scope, OrgUnitCommand command) {
        requireWritable(scope);
        OrgUnit parent = command.parentId() == null ? null : get(scope, command.parentId());
        if (parent == null) {
            if (units.findByParentIdIsNull().isPresent()) {
                throw new RuleViolationException("org.unit.rootExists");
            }
        } else {
            checkPlacement(parent, command.kind());
            checkUniqueName(parent.getId(), command.name(), -1L);
        }
        OrgUnit unit = new OrgUnit(parent == null ? null : parent.getId(), command.kind(), command.name());
        unit.describe(command.name(), command.code(), command.registeredPopulation(), command.sortOrder());
        units.saveAndFlush(unit);
        unit.placeUnder(parent);
        return unit;
    }

    @Transactional
    public OrgUnit update(DataScope scope, long id, OrgUnitCommand command) {
        requireWritable(scope);
        OrgUnit unit = get(scope, id);
        checkUniqueName(unit.getParentId(), command.name(), id);
        unit.describe(command.name(), command.code(), command.registeredPopulation(), command.sortOrder());
        return unit;
    }

    /** Moves a unit (with its subtree) below another parent; both must be in scope. */
    @Transactional
    public OrgUnit move(DataScope scope, long id, long newParentId) {
        requireWritable(scope);
        OrgUnit unit = get(scope, id);
        OrgUnit parent = get(scope, newParentId);
        if (unit.getId().equals(scope.unitId())) {
            throw new RuleViolationException("org.unit.moveOwnRoot");
        }
        if (unit.contains(parent)) {
            throw new RuleViolationException("org.unit.moveIntoItself");
        }
        checkPlacement(parent, unit.getKind());
        checkUniqueName(parent.getId(), unit.getName(), unit.getId());
        String oldPrefix = unit.getPath();
        List<OrgUnit> below = units.findSubtree(oldPrefix);
        unit.placeUnder(parent);
        String newPrefix = unit.getPath();
        for (OrgUnit descendant : below) {
            if (!Objects.equals(descendant.getId(), unit.getId())) {
                descendant.rebase(oldPrefix, newPrefix);
            }
        }
        return unit;
    }

    @Transactional
    public OrgUnit setActive(DataScope scope, long id, boolean active) {
        requireWritable(scope);
        OrgUnit unit = get(scope, id);
        if (!active && unit.getId().equals(scope.unitId())) {
            throw new RuleViolationException("org.unit.deactivateOwn");
        }
        unit.setActive(active);
        return unit;
    }

    /** Deletes a unit that has no children and no records; anything else is refused with the reason. */
    @Transactional
    public void delete(DataScope scope, long id) {
        requireWritable(scope);
        OrgUnit unit = get(scope, id);
        if (unit.getId().equals(scope.unitId())) {
            throw new RuleViolationException("org.unit.deleteOwn");
        }
        if (units.existsByParentId(id)) {
            throw new RuleViolationException("org.unit.deleteHasChildren", unit.getName());
        }
        if (people.existsByOrgUnitId(id) || posts.existsByOrgUnitId(id)) {
            throw new RuleViolationException("org.unit.deleteHasPeople", unit.getName());
        }
        try {
            units.delete(unit);
            units.flush();
        } catch (DataIntegrityViolationException e) {
            // Records of other modules (ledger, letters, accounts) reference the unit by foreign key.
            throw new RuleViolationException("org.unit.deleteHasRecords", unit.getName());
        }
    }

    private void checkPlacement(OrgUnit parent, OrgUnitKind kind) {
        if (!parent.getKind().mayContain(kind)) {
            throw new RuleViolationException("org.unit.badPlacement", parent.getName());
        }
    }

    private void checkUniqueName(Long parentId, String name, Long id) {
        if (parentId != null && units.existsByParentIdAndNameAndIdNot(parentId, name, id)) {
            throw new RuleViolationException("org.unit.duplicateName", name);
        }
    }

    static void requireWritable(DataScope scope) {
        scope.requireWritable();
    }
}
