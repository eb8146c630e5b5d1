package io.vpbx.model.groups;

/**
 * A member of a call group as the group list shows them: read as plain values in one query for the
 * whole domain, so a domain with thousands of members loads no user entity to list its groups.
 */
public record MemberSummary(long groupId, long userId, String displayName, boolean operator) {}
