package io.vpbx.application.groups;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The caller's domain's call groups. Every method works in the caller's domain only: a group or
 * user of another domain is refused as not found. Every change is in the action history, and every
 * change of membership reaches the SIP side at the next call.
 */
public interface CallGroupsService {
    /** The domain's groups by name, each with its member counts (spec C BR-A1/BR-A2). */
    List<CallGroupRow> listGroups();

    /** The lowest extension no user or group of the domain has: the create dialogs' proposal. */
    String nextFreeExtension();

    /**
     * Creates a group (spec C BR-A3) with these members.
     *
     * @param memberIds users of the caller's domain; may be empty
     * @return the new group's id
     */
    long createGroup(CallGroupSettings settings, Collection<Long> memberIds);

    CallGroupDetails group(long groupId);

    /**
     * Saves the general settings (spec C BR-H7).
     *
     * @param version the version the admin's page showed; a newer one is a concurrent edit
     */
    void changeGroup(long groupId, long version, CallGroupSettings settings);

    /**
     * Deletes a group; its members stay, in their other groups.
     *
     * @return how many members it had
     */
    int deleteGroup(long groupId);

    /** «Добавить участников» (spec C BR-H1): the group's members become exactly these users. */
    void setMembers(long groupId, Collection<Long> userIds);

    /** «Удалить из группы» (spec C BR-H3). @return how many were members */
    int removeMembers(long groupId, Collection<Long> userIds);

    /** A member's priority, 1–999, lower first (spec C BR-D1). */
    void prioritise(long groupId, long userId, int priority);

    /** «Сделать оператором» (spec C BR-H6): the users become contact-centre operators. */
    int makeOperators(long groupId, Collection<Long> userIds);

    /**
     * «Включить запись разговоров» (spec C BR-H3): the members' calls are recorded from now on.
     *
     * @return how many were not recorded before
     */
    int recordCalls(long groupId, Collection<Long> userIds);

    /**
     * «В группу» on the user list (spec B BR-7): each user ends up a member of exactly this group,
     * out of all their other groups.
     *
     * @return how many users' groups changed
     */
    int moveUsers(Collection<Long> userIds, long groupId);

    /** A user's groups by name (the user page's chips, spec B BR-32). */
    List<CallGroupRef> groupsOf(long userId);

    /** The user page's «Сохранить» of the chips: the user is in exactly these groups. */
    void setGroupsOf(long userId, Collection<Long> groupIds);

    /** The groups of each of these users, by name: the user list's column (spec B BR-2). */
    Map<Long, List<CallGroupRef>> groupsOf(Collection<Long> userIds);

    /**
     * The groups that deleting these users would leave without members (spec B BR-34, AT-26): the
     * delete confirmation names them, so the admin can give them other members first.
     */
    List<CallGroupRef> groupsLeftEmptyWithout(Collection<Long> userIds);
}
