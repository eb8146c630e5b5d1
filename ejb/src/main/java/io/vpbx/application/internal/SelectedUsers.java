package io.vpbx.application.internal;

import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The users an admin ticked in a list, for the bulk operations on pickup and call groups. */
final class SelectedUsers {
    private SelectedUsers() {}

    /**
     * The users, each of the domain, by id: one of another domain is refused as not found, so a
     * forged id reveals nothing.
     *
     * @param noneKey the message when nobody is selected
     */
    static List<DomainUser> of(
            DomainUserRepository users, long domainId, Collection<Long> userIds, String noneKey) {
        if (userIds == null || userIds.isEmpty()) {
            throw new RuleViolation(noneKey);
        }
        return userIds.stream()
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .map(id -> users.findInDomain(domainId, id).orElseThrow(() -> new NotFound("user")))
                .toList();
    }

    /** Their logins, comma-separated, for the action history; null for none. */
    static String logins(List<DomainUser> users) {
        return users.isEmpty()
                ? null
                : users.stream().map(u -> u.login().value()).collect(Collectors.joining(", "));
    }
}
