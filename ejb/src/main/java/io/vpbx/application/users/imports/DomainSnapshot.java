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
 */
public record DomainSnapshot(
        Set<String> logins, Set<String> extensions, Set<String> numbers, int freeUserSlots) {

    public DomainSnapshot {
        logins = Set.copyOf(logins);
        extensions = Set.copyOf(extensions);
        numbers = Set.copyOf(numbers);
    }
}
