package io.vpbx.application.pool;

import java.util.List;

/**
 * A subgroup with its domains, as the pool console's tree shows it.
 *
 * @param system whether this is "No group"
 * @param manageable whether the caller manages its domains
 * @param domainCount every domain in the subgroup, even when a search hides some
 */
public record SubgroupNode(
        long id,
        String name,
        boolean system,
        boolean manageable,
        long version,
        long domainCount,
        List<PoolDomainRow> domains) {}
