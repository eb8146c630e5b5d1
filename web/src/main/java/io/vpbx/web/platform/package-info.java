/** The operator's console, {@code /platform}: pools, domains and the platform's action history. */
package io.vpbx.web.platform;
