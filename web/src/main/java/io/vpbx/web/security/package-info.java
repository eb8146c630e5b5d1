/**
 * Console authentication. Each console keeps its own login in the HTTP session, so a pool admin can
 * work in the pool console and a jumped-into domain console in two tabs of one browser. A Jakarta
 * Security mechanism re-establishes the container identity from the login of the console a request
 * addresses, on every request, after checking that the account may still act.
 */
package io.vpbx.web.security;
