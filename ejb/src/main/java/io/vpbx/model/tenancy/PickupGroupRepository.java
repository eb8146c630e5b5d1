package io.vpbx.model.tenancy;

import java.util.List;
import java.util.Optional;

/** The pickup groups of domains. Every lookup is scoped to one domain. */
public interface PickupGroupRepository {
    Optional<PickupGroup> findInDomain(long domainId, long groupId);

    /** The domain's group with this name in any letter case. */
    Optional<PickupGroup> findByName(long domainId, String name);

    /** The domain's groups by name (then id: the user tree's order). */
    List<PickupGroup> listByDomain(long domainId);

    PickupGroup add(PickupGroup group);

    /** Deletes the group; its members first become members of no group. */
    void remove(PickupGroup group);
}
