package io.vpbx.application.pool;

import java.util.List;
import java.util.Set;

/**
 * The pool console's domain list and subgroups. Reading is open to every pool admin; renaming and
 * jumping need the domain to be managed by the caller; subgroup changes are for supervisors (spec A
 * §4).
 */
public interface PoolDomainsService {
    PoolHeader header();

    /**
     * The caller's pool as a tree of subgroups. Subgroups are alphabetical, except that a subgroup
     * admin's own subgroups come first (spec A BR-45). The search matches SIP domain, display name
     * or routing number.
     */
    List<SubgroupNode> domainTree(String search);

    PoolDomainInfo domainInfo(long domainId);

    /** Changes a domain's display name. */
    void renameDomain(long domainId, long loadedVersion, String newDisplayName);

    /** A one-time link token that opens the domain's console, as its admin, in a new tab. */
    String issueConsoleJump(long domainId);

    long createSubgroup(String name);

    void renameSubgroup(long subgroupId, long loadedVersion, String newName);

    /** Deletes a subgroup; its domains go to "No group" and admins lose the grant. */
    void deleteSubgroup(long subgroupId);

    /** Creates a subgroup and moves the domains into it. */
    long addDomainsToNewSubgroup(String name, Set<Long> domainIds);

    void moveDomains(Set<Long> domainIds, long targetSubgroupId);

    /**
     * Moves the domains back to "No group". Refused when every selected domain is already there;
     * domains of a mixed selection that are already in "No group" stay where they are.
     */
    void removeDomainsFromSubgroup(Set<Long> domainIds);
}
