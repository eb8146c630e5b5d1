/**
 * The domain admin console, {@code /domain}: login with domain, password recovery, the header and
 * side menu of spec A §3, basic information and the domain's action history.
 */
package io.vpbx.web.domain;
