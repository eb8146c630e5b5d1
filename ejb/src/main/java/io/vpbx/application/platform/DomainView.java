package io.vpbx.application.platform;

import io.vpbx.model.tenancy.DomainStatus;
import java.time.Instant;

/**
 * A domain as the operator sees it. {@code version} goes back with an edit, for optimistic locking.
 */
public record DomainView(
        long id,
        String sipDomain,
        String displayName,
        String companyName,
        String appId,
        String routingNumber,
        Long poolId,
        String poolName,
        String subgroupName,
        boolean inNoGroup,
        String personalAccountNumber,
        String notificationEmail,
        DomainStatus status,
        int maxUsers,
        int maxChannels,
        long userCount,
        Instant createdAt,
        long version) {}
