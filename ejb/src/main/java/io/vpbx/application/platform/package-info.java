/** The platform operator's use cases: pools, domains, their first admins, limits and blocks. */
package io.vpbx.application.platform;
