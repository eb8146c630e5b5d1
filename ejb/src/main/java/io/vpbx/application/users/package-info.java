/**
 * The domain's users (employees) as far as calls need them today: an extension, a display name and
 * the SIP number each gets. The users pages of the domain console build on these use cases.
 */
package io.vpbx.application.users;
