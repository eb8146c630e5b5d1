/**
 * Installation settings, read from the server's system properties (set by the CLI configuration).
 */
package io.vpbx.infrastructure.config;
