/**
 * What every console page shares: the language switch, translated messages, turning a service's
 * rule violation into a message next to the right field, formatting, logout, and the action-history
 * page.
 */
package io.vpbx.web.shared;
