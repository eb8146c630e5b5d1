package io.vpbx.application.pool;

import java.util.List;

/**
 * The pool's administrators (supervisors only) and every admin's own profile. A supervisor cannot
 * delete or block themselves, and a pool always keeps at least one active supervisor.
 */
public interface PoolAdminsService {
    List<PoolAdminView> listAdmins();

    /**
     * The subgroups that can be granted, for the picker: every subgroup of the pool. Granting "No
     * group" lets a subgroup admin manage the domains nobody has placed yet.
     */
    List<SubgroupNode> grantableSubgroups();

    long createAdmin(PoolAdminForm form);

    void editAdmin(long adminId, long loadedVersion, PoolAdminForm form);

    void deleteAdmin(long adminId);

    PoolAdminView myProfile();

    void editMyProfile(long loadedVersion, ProfileForm form);
}
