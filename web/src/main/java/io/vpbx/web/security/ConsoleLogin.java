package io.vpbx.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * A successful login to one console, kept in the HTTP session: the principal name and roles the
 * container gets on each request of that console.
 */
public record ConsoleLogin(String principalName, Set<String> roles, String displayName)
        implements Serializable {
    public ConsoleLogin {
        roles = Set.copyOf(roles);
    }
}
