package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.PasswordHasher;
import io.vpbx.application.domain.BasicInformation;
import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.application.domain.DomainHeader;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.ActorKind;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.PasswordPolicy;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.AccessDenied;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The domain console's own pages. The domain is always the caller's; nothing here takes a domain
 * id.
 */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultDomainConsoleService implements DomainConsoleService {
    @Inject private CallerContext caller;
    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository domainUsers;
    @Inject private PasswordHasher hasher;
    @Inject private ActorDirectory actors;
    @Inject private AuditTrail auditTrail;

    @Override
    public DomainHeader header() {
        ActorRef actor = caller.actor();
        Domain domain = myDomain(actor);
        ActorDirectory.ActorName name = actors.describe(actor);
        return new DomainHeader(
                domain.companyName(),
                domain.name().value(),
                domain.displayName(),
                name.login(),
                name.name(),
                actor.isJumpedPoolAdmin());
    }

    @Override
    public BasicInformation basicInformation() {
        Domain d = myDomain(caller.actor());
        return new BasicInformation(
                d.companyName(),
                d.displayName(),
                d.name().value(),
                d.appId().value(),
                d.routingNumber() == null ? null : d.routingNumber().value(),
                d.pool() == null ? null : d.pool().name(),
                d.personalAccountNumber(),
                d.status(),
                domainUsers.countByDomain(d.id()),
                d.limits().maxUsers(),
                d.limits().maxChannels());
    }

    @Override
    @RolesAllowed(Roles.DOMAIN_USER)
    public void changeMyPassword(String currentPassword, String newPassword, String repeat) {
        ActorRef actor = caller.actor();
        if (actor.kind() != ActorKind.DOMAIN_USER) {
            throw new AccessDenied("error.accessDenied");
        }
        DomainUser me =
                domainUsers
                        .findInDomain(actor.domainId(), actor.accountId())
                        .orElseThrow(() -> new NotFound("user"));
        if (!hasher.verify(currentPassword, me.passwordHash())) {
            throw RuleViolation.onField("currentPassword", "error.password.currentWrong");
        }
        PasswordPolicy.checkWithRepeat(newPassword, repeat);
        me.changePasswordHash(hasher.hash(newPassword));
        auditTrail.record(
                AuditObjectType.DOMAIN_USER,
                me.login().value(),
                AuditAction.EDIT,
                null,
                actor.domainId(),
                AuditChanges.create().secretChanged("password"));
    }

    private Domain myDomain(ActorRef actor) {
        if (actor.domainId() == null) {
            throw new AccessDenied("error.accessDenied");
        }
        return domains.findById(actor.domainId()).orElseThrow(() -> new NotFound("domain"));
    }
}
