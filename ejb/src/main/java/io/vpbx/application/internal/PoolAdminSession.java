package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.model.security.ActorKind;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.AccessDenied;
import io.vpbx.model.tenancy.PoolAdmin;
import io.vpbx.model.tenancy.PoolAdminRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The pool admin behind the current call, loaded fresh (so a block or a changed grant applies at
 * once). Every pool-console use case starts here; the pool it returns is the only pool the call may
 * touch.
 */
@ApplicationScoped
class PoolAdminSession {
    @Inject private CallerContext caller;
    @Inject private PoolAdminRepository poolAdmins;

    PoolAdmin current() {
        ActorRef actor = caller.actor();
        if (actor.kind() != ActorKind.POOL_ADMIN || actor.isJumpedPoolAdmin()) {
            throw new AccessDenied("error.accessDenied");
        }
        return poolAdmins
                .findInPool(actor.poolId(), actor.accountId())
                .filter(PoolAdmin::isActive)
                .orElseThrow(() -> new AccessDenied("error.accessDenied"));
    }

    /** The current admin, who must be a supervisor. */
    PoolAdmin currentSupervisor() {
        PoolAdmin admin = current();
        if (!admin.isSupervisor()) {
            throw new AccessDenied("error.accessDenied");
        }
        return admin;
    }
}
