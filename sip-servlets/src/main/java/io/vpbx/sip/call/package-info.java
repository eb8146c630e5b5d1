/**
 * Calls between extensions of one domain, as a B2BUA: the caller's leg is answered here, and every
 * registered device of the callee gets its own leg, forked in parallel; the first 200 wins and the
 * others are cancelled. Every event of a call is handled under the call's lock, one at a time.
 */
package io.vpbx.sip.call;
