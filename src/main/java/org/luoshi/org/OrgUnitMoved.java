package org.luoshi.org;

/**
 * Published, inside the moving transaction, when a unit moves with its subtree: every path that
 * started with {@code oldPrefix} now starts with {@code newPrefix}. Modules that keep a unit's path
 * beside their own records (the ledger does, to select a subtree without reading org's table)
 * rewrite it in the same transaction, so no reader sees the two disagree.
 */
public record OrgUnitMoved(long unitId, String oldPrefix, String newPrefix) {
}
