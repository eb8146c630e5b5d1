/**
 * The pool console, {@code /group} (spec A §3.B): the domain list by subgroup with its group
 * operations and console jumps, the pool's administrators, one's profile and the pool's action
 * history.
 */
package io.vpbx.web.group;
