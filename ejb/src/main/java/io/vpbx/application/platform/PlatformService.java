package io.vpbx.application.platform;

import java.util.List;

/** The operator's console: pools, domains and their first admins, limits and blocks. */
public interface PlatformService {
    List<PoolSummary> listPools();

    /**
     * Creates a pool with its "No group" subgroup and its first supervisor; returns the pool's id.
     */
    long createPool(NewPool pool);

    /**
     * Domains whose SIP domain or display name contains the text; all domains (bounded) for blank
     * text.
     */
    List<DomainView> findDomains(String text);

    DomainView getDomain(long domainId);

    /**
     * Creates a domain, in the pool's "No group" if a pool is given, with its first domain admin;
     * returns the domain's id.
     */
    long createDomain(NewDomain domain);

    /**
     * Changes names, routing number, account number, e-mail, limits and status of a domain, all or
     * nothing. A domain blocked by the operator cannot be logged in to.
     */
    void editDomainProfile(long domainId, long loadedVersion, DomainProfile profile);
}
