package io.vpbx.application.platform;

import java.time.Instant;

/** A pool as the operator's list shows it. */
public record PoolSummary(
        long id, String name, int routingNumberLength, long domainCount, Instant createdAt) {}
