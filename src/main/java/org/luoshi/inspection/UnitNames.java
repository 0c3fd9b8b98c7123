package org.luoshi.inspection;

import java.util.HashMap;
import java.util.Map;
import org.luoshi.org.OrgUnitService;

/** Looks up unit names for a page, each once: {@code ${unitNames.of(id)}}. */
class UnitNames {

    private final OrgUnitService units;
    private final Map<Long, String> cache = new HashMap<>();

    UnitNames(OrgUnitService units) {
        this.units = units;
    }

    public String of(Long id) {
        return id == null ? "" : cache.computeIfAbsent(id, i -> units.getUnchecked(i).getName());
    }
}
