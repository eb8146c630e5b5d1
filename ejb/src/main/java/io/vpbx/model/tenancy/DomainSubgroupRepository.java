package io.vpbx.model.tenancy;

import java.util.List;
import java.util.Optional;

/** The subgroups of pools. Every lookup is scoped to one pool. */
public interface DomainSubgroupRepository {
    Optional<DomainSubgroup> findInPool(long poolId, long subgroupId);

    /** The pool's subgroup with this name in any letter case. */
    Optional<DomainSubgroup> findByName(long poolId, String name);

    DomainSubgroup noGroupOf(long poolId);

    List<DomainSubgroup> listByPool(long poolId);

    DomainSubgroup add(DomainSubgroup subgroup);

    void remove(DomainSubgroup subgroup);
}
