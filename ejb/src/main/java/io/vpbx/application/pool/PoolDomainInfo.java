package io.vpbx.application.pool;

import io.vpbx.model.tenancy.DomainStatus;

/** The "Domain information" dialog: the domain's main data and its counters. */
public record PoolDomainInfo(
        long id,
        String sipDomain,
        String displayName,
        String personalAccountNumber,
        String routingNumber,
        String notificationEmail,
        DomainStatus status,
        String subgroupName,
        boolean inNoGroup,
        long userCount,
        int maxUsers,
        int maxChannels) {}
