package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.domain.BasicInformation;
import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.application.domain.DomainHeader;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.sip.IpAllowList;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
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
    public String sipAllowList() {
        return myDomain(caller.actor()).sipAllowList().toString();
    }

    @Override
    public void changeSipAllowList(String list) {
        Domain domain = myDomain(caller.actor());
        String before = domain.sipAllowList().toString();
        domain.changeSipAllowList(IpAllowList.parse(list));
        String after = domain.sipAllowList().toString();
        if (!before.equals(after)) {
            auditTrail.domainEdited(
                    domain,
                    AuditChanges.create()
                            .changed(
                                    "sipAllowList",
                                    before.isEmpty() ? null : before,
                                    after.isEmpty() ? null : after));
        }
    }

    @Override
    public String pickupCode() {
        return myDomain(caller.actor()).pickupCode();
    }

    @Override
    public void changePickupCode(String code) {
        Domain domain = myDomain(caller.actor());
        String before = domain.pickupCode();
        domain.changePickupCode(code);
        AuditChanges changes =
                AuditChanges.create().changed("pickupCode", before, domain.pickupCode());
        auditTrail.domainEdited(domain, changes);
    }

    private Domain myDomain(ActorRef actor) {
        return domains.findById(actor.ownDomainId()).orElseThrow(() -> new NotFound("domain"));
    }
}
