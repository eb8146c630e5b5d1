/** Tests of the server configuration as code in {@code wildfly-config/}. */
package io.vpbx.it.config;
