package io.vpbx.application.pool;

import io.vpbx.model.tenancy.DomainStatus;

/**
 * One domain in the pool console's list.
 *
 * @param manageable whether the caller may rename it and jump into it
 */
public record PoolDomainRow(
        long id,
        String sipDomain,
        String displayName,
        String routingNumber,
        String personalAccountNumber,
        DomainStatus status,
        boolean manageable,
        long version) {}
