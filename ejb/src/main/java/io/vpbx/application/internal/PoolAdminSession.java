package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.model.security.ActorKind;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.AccessDenied;
import io.vpbx.model.tenancy.PoolAdmin;
import io.vpbx.model.tenancy.PoolAdminRepository;
import io.vpbx.model.tenancy.PoolRepository;
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
    @Inject private PoolRepository pools;

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

    /**
     * The current supervisor, read after locking their pool. Use cases that block, delete or demote
     * admins use it: two supervisors blocking each other at the same moment are then serialised,
     * and the second finds itself blocked instead of leaving the pool with no active supervisor.
     * (The lock is the transaction's first read, so what follows sees the other's commit.)
     */
    PoolAdmin currentSupervisorExclusively() {
        ActorRef actor = caller.actor();
        if (actor.kind() == ActorKind.POOL_ADMIN && actor.poolId() != null) {
            pools.lockById(actor.poolId());
        }
        return currentSupervisor();
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
