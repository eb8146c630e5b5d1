/** The domain admin console's own use cases: its header, basic information and one's password. */
package io.vpbx.application.domain;
