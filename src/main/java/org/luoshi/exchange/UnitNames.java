package org.luoshi.exchange;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.org.OrgUnit;

/**
 * How units are written in a sheet: by name, or "上级/名称" where two units of the user's tree share a
 * name. Only units in the user's scope can be named, which is what keeps an import inside the scope.
 */
final class UnitNames {

    private final Map<Long, String> nameById = new LinkedHashMap<>();
    private final Map<String, Long> idByName = new HashMap<>();

    UnitNames(List<OrgUnit> tree) {
        Map<String, Integer> counts = new HashMap<>();
        Map<Long, OrgUnit> byId = new HashMap<>();
        for (OrgUnit u : tree) {
            counts.merge(u.getName(), 1, Integer::sum);
            byId.put(u.getId(), u);
        }
        for (OrgUnit u : tree) {
            String name = u.getName();
            if (counts.get(name) > 1 && u.getParentId() != null && byId.containsKey(u.getParentId())) {
                name = byId.get(u.getParentId()).getName() + "/" + name;
            }
            nameById.put(u.getId(), name);
            idByName.putIfAbsent(name, u.getId());
        }
    }

    /** The unit's name as written in a sheet, or its id when it lies outside the tree. */
    String name(long id) {
        return nameById.getOrDefault(id, String.valueOf(id));
    }

    /** The id of the unit so named, or null. */
    Long id(String name) {
        return name == null ? null : idByName.get(name.trim().replace('／', '/'));
    }

    List<String> names() {
        return List.copyOf(nameById.values());
    }
}
