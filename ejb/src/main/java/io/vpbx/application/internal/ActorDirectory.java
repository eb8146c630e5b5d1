package io.vpbx.application.internal;

import io.vpbx.model.security.ActorRef;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.PlatformOperatorRepository;
import io.vpbx.model.tenancy.PoolAdminRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns an actor into the login and name the action history and the headers show. */
@ApplicationScoped
class ActorDirectory {
    /** How an actor is named. */
    record ActorName(String login, String name) {}

    @Inject private PlatformOperatorRepository operators;
    @Inject private PoolAdminRepository poolAdmins;
    @Inject private DomainUserRepository domainUsers;

    ActorName describe(ActorRef actor) {
        return switch (actor.kind()) {
            case OPERATOR ->
                    operators
                            .findById(actor.accountId())
                            .map(o -> new ActorName(o.login().value(), o.displayName()))
                            .orElse(unknown(actor));
            case POOL_ADMIN ->
                    poolAdmins
                            .findById(actor.accountId())
                            .map(a -> new ActorName(a.login().value(), a.displayName()))
                            .orElse(unknown(actor));
            case DOMAIN_USER ->
                    domainUsers
                            .findInDomain(actor.domainId(), actor.accountId())
                            .map(u -> new ActorName(u.login().value(), u.displayName()))
                            .orElse(unknown(actor));
            case SYSTEM -> new ActorName("system", "vPBX");
        };
    }

    private static ActorName unknown(ActorRef actor) {
        return new ActorName(actor.principalName(), actor.principalName());
    }
}
