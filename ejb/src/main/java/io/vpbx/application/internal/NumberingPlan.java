package io.vpbx.application.internal;

import io.vpbx.model.groups.CallGroupRepository;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.Extension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;

/**
 * A domain's extensions: its users' and its call groups' share one numbering plan (spec B §1.1: a
 * user got 12347 and a group created with it 12348), so a dialled extension names exactly one of
 * them. Callers hold the domain's lock while they check and assign, so two creations cannot take
 * the same number.
 */
@ApplicationScoped
class NumberingPlan {
    @Inject private DomainUserRepository users;
    @Inject private CallGroupRepository groups;

    /**
     * Refuses an extension that a user or group of the domain other than the one named has.
     *
     * @param userId the user keeping their own extension, or null
     * @param groupId the group keeping its own extension, or null
     */
    void requireFree(long domainId, Extension extension, Long userId, Long groupId) {
        boolean taken =
                users.findByExtension(domainId, extension)
                                .filter(u -> !u.id().equals(userId))
                                .isPresent()
                        || groups.findByExtension(domainId, extension)
                                .filter(g -> !g.id().equals(groupId))
                                .isPresent();
        if (taken) {
            throw RuleViolation.onField("extension", "error.extension.taken");
        }
    }

    /** Every extension in use in the domain. */
    Set<String> taken(long domainId) {
        Set<String> taken = new HashSet<>(users.extensionsInDomain(domainId));
        taken.addAll(groups.extensionsInDomain(domainId));
        return taken;
    }

    /** The lowest extension from 100 up (then from 1) that no user or group of the domain has. */
    String nextFree(long domainId) {
        return nextFree(domainId, Set.of());
    }

    /**
     * The lowest free extension that is not among {@code reserved} either: numbers promised to
     * users not yet created, such as the rows of an import still running.
     */
    String nextFree(long domainId, Set<String> reserved) {
        Set<String> taken = taken(domainId);
        taken.addAll(reserved);
        for (int candidate = 100; candidate <= 99_999; candidate++) {
            if (!taken.contains(Integer.toString(candidate))) {
                return Integer.toString(candidate);
            }
        }
        for (int candidate = 1; candidate < 100; candidate++) {
            if (!taken.contains(Integer.toString(candidate))) {
                return Integer.toString(candidate);
            }
        }
        throw new RuleViolation("error.extension.noneFree");
    }
}
