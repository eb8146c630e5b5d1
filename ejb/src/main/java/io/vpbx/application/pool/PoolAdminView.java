package io.vpbx.application.pool;

import io.vpbx.model.tenancy.AccountStatus;
import io.vpbx.model.tenancy.PoolRole;
import java.util.List;
import java.util.Set;

/** A pool admin, as the administrators page and the profile dialog show them. */
public record PoolAdminView(
        long id,
        String login,
        String displayName,
        String email,
        String phone,
        PoolRole role,
        AccountStatus status,
        Set<Long> subgroupIds,
        List<String> subgroupNames,
        long version) {
    /** Whether this admin is a supervisor (also readable from pages as {@code supervisorRole}). */
    public boolean supervisorRole() {
        return role == PoolRole.SUPERVISOR;
    }

    public boolean isBlocked() {
        return status == AccountStatus.BLOCKED;
    }
}
