/**
 * The pool console's use cases (spec A §2.8–2.10): the domain list by subgroup, subgroup
 * operations, domain renames and console jumps, the pool's administrators and one's own profile.
 */
package io.vpbx.application.pool;
