/** The domain console's users: list, creation, the user page and tenant isolation. */
package io.vpbx.it.users;
