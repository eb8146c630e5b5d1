package io.vpbx.application.domain;

import io.vpbx.model.tenancy.DomainStatus;

/** The "Basic information" page: who the company is on the platform and how to reach it. */
public record BasicInformation(
        String companyName,
        String displayName,
        String sipDomain,
        String appId,
        String routingNumber,
        String poolName,
        String personalAccountNumber,
        DomainStatus status,
        long userCount,
        int maxUsers,
        int maxChannels) {}
