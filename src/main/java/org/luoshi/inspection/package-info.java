/**
 * Inspection and supervision: checklists, self-inspections (自查) and supervision visits (督导检查),
 * findings (问题) with their rectification (整改) and re-check (复查), overdue warnings and in-app
 * notifications.
 */
package org.luoshi.inspection;
