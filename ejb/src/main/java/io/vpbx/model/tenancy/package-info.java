/**
 * Tenancy: who owns what on the platform.
 *
 * <p>A {@link io.vpbx.model.tenancy.Domain} is one company's PBX (our tenant). Domains of one
 * customer are grouped into a {@link io.vpbx.model.tenancy.Pool}, which its {@link
 * io.vpbx.model.tenancy.PoolAdmin}s run through the pool console; inside a pool, {@link
 * io.vpbx.model.tenancy.DomainSubgroup}s partition the domains, and the system subgroup "No group"
 * holds every domain not placed elsewhere. The {@link io.vpbx.model.tenancy.PlatformOperator} runs
 * the whole installation.
 */
package io.vpbx.model.tenancy;
