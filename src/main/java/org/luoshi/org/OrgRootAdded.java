package org.luoshi.org;

/**
 * Published, inside its transaction, when a city or province was put above the former root of the
 * tree ({@link OrgUnitService#addRootAbove}). The account module moves the former root's
 * administrators up to the new root, so that whoever administered the whole tree still does.
 */
public record OrgRootAdded(long formerRootId, long rootId) {
}
