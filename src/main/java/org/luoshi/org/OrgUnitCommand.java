package org.luoshi.org;

/** What a caller asks to create or change about an org unit; validated by the form or API record. */
public record OrgUnitCommand(Long parentId, OrgUnitKind kind, String name, String code,
        Integer registeredPopulation, int sortOrder) {
}
