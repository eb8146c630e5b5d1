package io.vpbx.model.audit;

/**
 * Whose history is being read: one pool's, one domain's, or (for the operator) the whole
 * platform's. A scope is never taken from the browser; services derive it from the caller.
 *
 * @param poolId the pool, for a pool's history
 * @param domainId the domain, for a domain's history
 */
public record AuditScope(Long poolId, Long domainId) {
    public static final AuditScope PLATFORM = new AuditScope(null, null);

    public AuditScope {
        if (poolId != null && domainId != null) {
            throw new IllegalArgumentException("a history is a pool's or a domain's, not both");
        }
    }

    public static AuditScope pool(long poolId) {
        return new AuditScope(poolId, null);
    }

    public static AuditScope domain(long domainId) {
        return new AuditScope(null, domainId);
    }
}
