/** Logging in to the consoles, console jumps from a pool into a domain, and password recovery. */
package io.vpbx.application.auth;
