/**
 * Accounts, roles and security: login, lock-out, password rules, personal access tokens, the
 * data scope of the signed-in user, and the audit trail of logins and writes.
 */
package org.luoshi.account;
