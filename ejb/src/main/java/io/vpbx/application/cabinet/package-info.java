/**
 * The employee's personal cabinet ({@code /my}, spec A §4.1–4.2): their own profile, SIP number,
 * settings and calls. Every use case acts on the caller's own account, taken from the login; no
 * method takes a user id, so no request can point it at a colleague.
 */
package io.vpbx.application.cabinet;
