package io.vpbx.model.security;

/**
 * The container roles, checked by {@code @RolesAllowed} on every service method. A role says which
 * console an identity belongs to; which tenant it may touch comes from the {@link ActorRef},
 * checked on every lookup.
 */
public final class Roles {
    /** The operator's staff, {@code /platform}. */
    public static final String OPERATOR = "operator";

    /** Any pool admin, {@code /group}. */
    public static final String POOL_ADMIN = "pool-admin";

    /** A pool supervisor; always also {@link #POOL_ADMIN}. */
    public static final String POOL_SUPERVISOR = "pool-supervisor";

    /** A domain admin, {@code /domain}; also a pool admin who jumped into a domain. */
    public static final String DOMAIN_ADMIN = "domain-admin";

    /** Any employee of a domain, {@code /my}. */
    public static final String DOMAIN_USER = "domain-user";

    private Roles() {}
}
