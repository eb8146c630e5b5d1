package io.vpbx.application.users.imports;

import java.util.Set;

/**
 * What the rules need to know about the domain an import goes into, read once before checking.
 *
 * @param logins the logins already taken, lower case
 * @param extensions the extensions already taken
 * @param numbers the domain's own numbers (10 digits, without the country code), which a row may
 *     choose as its outgoing CLI
 * @param freeUserSlots how many more users the domain may have ({@code DomainLimits.maxUsers} minus
 *     its users)
 * @param callGroups the names of the domain's call groups, lower case: a name not among them is
 *     created by the import (BR-22e)
 */
public record DomainSnapshot(
        Set<String> logins,
        Set<String> extensions,
        Set<String> numbers,
        int freeUserSlots,
        Set<String> callGroups) {

    public DomainSnapshot {
        logins = Set.copyOf(logins);
        extensions = Set.copyOf(extensions);
        numbers = Set.copyOf(numbers);
        callGroups = Set.copyOf(callGroups);
    }

    /** A domain with no call groups yet. */
    public DomainSnapshot(
            Set<String> logins, Set<String> extensions, Set<String> numbers, int freeUserSlots) {
        this(logins, extensions, numbers, freeUserSlots, Set.of());
    }
}
