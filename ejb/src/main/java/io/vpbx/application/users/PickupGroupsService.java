package io.vpbx.application.users;

import java.util.Collection;
import java.util.List;

/**
 * The domain console's pickup groups («Группы перехвата», spec B §7.4, BR-27..BR-31), always in the
 * caller's domain. A user is in at most one group; its members may answer each other's ringing
 * calls by dialling the domain's pickup code. Every change of membership reaches the SIP side at
 * the next call.
 */
public interface PickupGroupsService {
    /** The domain's groups by name, each with its member count. */
    List<PickupGroupRow> listGroups();

    /**
     * Creates a group, named uniquely in the domain in any letter case, and moves the given users
     * into it (out of any other group).
     *
     * @param memberIds users of the caller's domain; may be empty
     * @return the new group's id
     */
    long createGroup(String name, Collection<Long> memberIds);

    /** Renames a group; the name stays unique in the domain in any letter case. */
    void renameGroup(long groupId, String newName);

    /**
     * Deletes a group; its members stay, in no group.
     *
     * @return how many users were in it
     */
    int deleteGroup(long groupId);

    /**
     * «В группу перехвата»: each user ends up in exactly this group, out of any other.
     *
     * @param groupId a group of the caller's domain; {@code null}: «Без группы», out of every group
     * @return how many users changed group
     */
    int moveUsers(Collection<Long> userIds, Long groupId);
}
