/**
 * The organisation: the org tree (county, townships, villages, departments), people and the
 * posts they hold over time, and the data scope every other module filters by.
 */
package org.luoshi.org;
