package io.vpbx.model.security;

/**
 * Who can act on the platform. {@link #SYSTEM} is the server itself: scheduled jobs and start-up
 * tasks.
 */
public enum ActorKind {
    OPERATOR,
    POOL_ADMIN,
    DOMAIN_USER,
    SYSTEM
}
