package org.luoshi.org;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Changes to the org tree, people and posts: administrators and township officers only. A
 * village clerk writes ledger records of their village, but not the org tree.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('township:manage')")
@interface EditsOrg {
}
