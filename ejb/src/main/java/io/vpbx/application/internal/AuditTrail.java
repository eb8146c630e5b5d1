package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditEntry;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.audit.AuditRepository;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Writes the action history inside the use case's transaction: if the change rolls back, so does
 * its entry, and a change cannot commit without its entry.
 */
@ApplicationScoped
class AuditTrail {
    @Inject private AuditRepository audit;
    @Inject private CallerContext caller;
    @Inject private ActorDirectory actors;
    @Inject private Clock clock;

    /** Records an action of the current caller. */
    void record(
            AuditObjectType type,
            String objectName,
            AuditAction action,
            Long poolId,
            Long domainId,
            AuditChanges changes) {
        recordAs(caller.actor(), type, objectName, action, poolId, domainId, changes);
    }

    /** Records the current caller's change of a domain's settings, if anything changed. */
    void domainEdited(Domain domain, AuditChanges changes) {
        if (!changes.isEmpty()) {
            record(
                    AuditObjectType.DOMAIN,
                    domain.name().value(),
                    AuditAction.EDIT,
                    domain.pool() == null ? null : domain.pool().id(),
                    domain.id(),
                    changes);
        }
    }

    /** Records a change of one of a domain's users by the given actor. */
    void userEdited(ActorRef actor, DomainUser user, AuditChanges changes) {
        recordAs(
                actor,
                AuditObjectType.DOMAIN_USER,
                user.login().value(),
                AuditAction.EDIT,
                null,
                user.domainId(),
                changes);
    }

    /** Records an action of a given actor, e.g. the account that just logged in. */
    void recordAs(
            ActorRef actor,
            AuditObjectType type,
            String objectName,
            AuditAction action,
            Long poolId,
            Long domainId,
            AuditChanges changes) {
        ActorDirectory.ActorName name = actors.describe(actor);
        audit.append(
                new AuditEntry(
                        clock.instant(),
                        actor.kind(),
                        name.login(),
                        name.name(),
                        caller.clientAddress(),
                        poolId,
                        domainId,
                        type,
                        objectName,
                        action,
                        changes));
    }
}
