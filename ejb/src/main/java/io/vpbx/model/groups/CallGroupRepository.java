package io.vpbx.model.groups;

import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.Extension;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The call groups of domains and their members. Every lookup is scoped to one domain. */
public interface CallGroupRepository {
    Optional<CallGroup> findInDomain(long domainId, long groupId);

    /** The domain's group with this name in any letter case. */
    Optional<CallGroup> findByName(long domainId, String name);

    Optional<CallGroup> findByExtension(long domainId, Extension extension);

    /** The domain's groups by name, then id. */
    List<CallGroup> listByDomain(long domainId);

    /** The extensions of the domain's groups. */
    List<String> extensionsInDomain(long domainId);

    CallGroup add(CallGroup group);

    /** Deletes the group with its memberships. */
    void remove(CallGroup group);

    /** The group's memberships, by id (the order they were added). */
    List<CallGroupMember> members(long domainId, long groupId);

    /** Every membership of these users of the domain. */
    List<CallGroupMember> membershipsOf(long domainId, Collection<Long> userIds);

    /** Every membership in the domain, for the SIP directory and the group list. */
    List<CallGroupMember> membershipsInDomain(long domainId);

    /** Every membership in the domain with the member's name and operator flag, in one query. */
    List<MemberSummary> memberSummaries(long domainId);

    /** The users who are members of the group, in one query (no list of ids). */
    List<DomainUser> memberUsers(long domainId, long groupId);

    CallGroupMember addMember(CallGroupMember member);

    void removeMember(CallGroupMember member);
}
