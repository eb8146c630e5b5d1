/**
 * Integration tests of the core's use cases, running inside the server on MariaDB as identities
 * established by real logins: rules, tenant isolation, the action history and its export.
 */
package io.vpbx.it.services;
