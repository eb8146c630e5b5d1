/**
 * What the SIP layer asks the core: the accounts phones authenticate as, the registrar's decisions
 * and the brute-force bans. The SIP layer executes; these use cases decide.
 */
package io.vpbx.application.sip;
