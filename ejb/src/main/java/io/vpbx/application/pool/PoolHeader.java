package io.vpbx.application.pool;

import io.vpbx.model.tenancy.PoolRole;

/** What the pool console's header shows: the pool, its size, and who is logged in. */
public record PoolHeader(
        String poolName, long domainCount, String myLogin, String myDisplayName, PoolRole myRole) {}
