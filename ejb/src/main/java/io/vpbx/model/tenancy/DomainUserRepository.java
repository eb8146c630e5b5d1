package io.vpbx.model.tenancy;

import io.vpbx.model.shared.Login;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users of domains. Every lookup names the domain, so no caller can reach another tenant's
 * user.
 */
public interface DomainUserRepository {
    Optional<DomainUser> findInDomain(long domainId, long userId);

    Optional<DomainUser> findByLogin(long domainId, Login login);

    List<DomainUser> listAdmins(long domainId);

    /** Every user of the domain. */
    List<DomainUser> listInDomain(long domainId);

    long countByDomain(long domainId);

    /** User counts of several domains at once (domains without users are absent). */
    Map<Long, Long> countByDomains(Collection<Long> domainIds);

    Optional<DomainUser> findByExtension(long domainId, Extension extension);

    DomainUser add(DomainUser user);

    /** How the user list may be ordered. */
    enum SortKey {
        EXTENSION,
        NAME,
        LOGIN,
        JOB_TITLE,
        EMAIL
    }

    /**
     * One page of the domain's users whose name, login or extension contains {@code search}
     * (ignoring case; {@code null} or blank: all), ordered by {@code sort}.
     */
    List<DomainUser> search(
            long domainId, String search, SortKey sort, boolean ascending, int first, int max);

    /** How many users {@link #search} finds in all. */
    long countMatching(long domainId, String search);

    /**
     * One page of the domain's users in the order of the user tree (spec B BR-1): the members of
     * pickup groups first, group by group in the order of {@link
     * PickupGroupRepository#listByDomain}, then the users in no group; within each, by {@code
     * sort}. The members of {@code hiddenGroups} are left out, and so are the users in no group if
     * {@code hideUngrouped}.
     */
    List<DomainUser> searchInTreeOrder(
            long domainId,
            String search,
            Collection<Long> hiddenGroups,
            boolean hideUngrouped,
            SortKey sort,
            boolean ascending,
            int first,
            int max);

    /**
     * How many users {@link #search} finds in each pickup group that has any (users in no group are
     * not counted here).
     */
    Map<Long, Long> countMatchingByPickupGroup(long domainId, String search);

    /** The members of one of the domain's pickup groups. */
    List<DomainUser> listInPickupGroup(long domainId, long groupId);

    /** The extensions in use in the domain (for the next free one). */
    List<String> extensionsInDomain(long domainId);

    void remove(DomainUser user);
}
