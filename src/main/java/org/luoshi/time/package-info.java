/**
 * Business time: the one clock of the application, in the business zone ({@code luoshi.zone},
 * Beijing time by default) whatever the JVM's zone, and pinnable ({@code luoshi.clock.fixed}) for
 * tests and demonstrations. Every "now", "today" and displayed time comes from here. Depends on no
 * other module.
 */
package org.luoshi.time;
