package io.vpbx.model.tenancy;

import java.util.List;
import java.util.Optional;

/** The platform's domains. Pool-scoped lookups never return another pool's domain. */
public interface DomainRepository {
    Optional<Domain> findById(long id);

    /** The domain, locked until the transaction ends (user creation checks its limit under it). */
    Optional<Domain> lock(long id);

    Optional<Domain> findInPool(long poolId, long domainId);

    Optional<Domain> findByName(SipDomainName name);

    boolean existsByAppId(AppId appId);

    Optional<Domain> findByRoutingNumber(long poolId, RoutingNumber number);

    List<Domain> listByPool(long poolId);

    List<Domain> listInSubgroup(long subgroupId);

    /**
     * Domains whose SIP name or display name contains {@code text} (case-insensitive), for the
     * operator.
     */
    List<Domain> search(String text, int maxResults);

    long countByPool(long poolId);

    Domain add(Domain domain);
}
