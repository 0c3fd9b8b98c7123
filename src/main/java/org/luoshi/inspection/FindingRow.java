package org.luoshi.inspection;

/** A finding as lists show it: with its unit, its owner post and that post's current holder, and its urgency. */
record FindingRow(Finding finding, String unitName, String ownerTitle, String holderName, Urgency urgency) {
}
