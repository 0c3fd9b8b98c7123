/**
 * Backup and restore: one archive holding the database (through the database's own dump), the evidence
 * files and an SM3 manifest; restore into an empty instance; and a check that attachment rows and files agree.
 */
package org.luoshi.backup;
