package io.vpbx.model.audit;

/** The kind of object an action was done to. */
public enum AuditObjectType {
    POOL,
    SUBGROUP,
    DOMAIN,
    POOL_ADMIN,
    DOMAIN_USER,
    OPERATOR
}
