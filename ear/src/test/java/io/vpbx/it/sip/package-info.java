/**
 * SIP end-to-end tests: real peers (sipp from Debian's sip-tester, later baresip) against the
 * deployed EAR. Scenarios live in {@code sip-servlets/src/test/sipp/}.
 */
package io.vpbx.it.sip;
