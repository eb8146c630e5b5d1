package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.AccessDenied;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The domain's users; the domain is always the caller's, never a parameter. */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultDomainUsersService implements DomainUsersService {
    @Inject private CallerContext caller;
    @Inject private UserProvisioning provisioning;

    @Override
    public long createUser(NewDomainUser user) {
        ActorRef actor = caller.actor();
        return provisioning.create(myDomain(actor), user, actor);
    }

    @Override
    public SipCredentials sipCredentials(long userId) {
        return provisioning.credentials(myDomain(caller.actor()), userId);
    }

    @Override
    public List<RegistrationRow> registrations() {
        return provisioning.registrations(myDomain(caller.actor()));
    }

    @Override
    public void changeSipNumber(long userId, SipNumberSettings settings) {
        ActorRef actor = caller.actor();
        provisioning.changeSipNumber(myDomain(actor), userId, settings, actor);
    }

    private static long myDomain(ActorRef actor) {
        if (actor.domainId() == null) {
            throw new AccessDenied("error.accessDenied");
        }
        return actor.domainId();
    }
}
