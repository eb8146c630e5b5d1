/**
 * The web adapters: three Jakarta Faces consoles ({@code /platform} for the operator, {@code
 * /group} for pool admins, {@code /domain} for domain admins) over the core's application services.
 * Page beans hold no business rules; they collect input, call one use case and show its result or
 * its rule violation in the user's language.
 */
package io.vpbx.web;
