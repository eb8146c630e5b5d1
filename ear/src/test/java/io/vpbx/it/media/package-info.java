/**
 * Greetings and music on hold in the deployed server: uploads converted and stored per domain, the
 * domain's choice of music reaching what the SIP layer plays, and one domain's files out of reach
 * of another's admin.
 */
package io.vpbx.it.media;
