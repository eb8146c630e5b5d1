package io.vpbx.infrastructure.security;

import io.vpbx.application.CallerContext;
import io.vpbx.application.ClientAddress;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.security.Principal;

/**
 * The caller as the container knows it. The web layer establishes the identity from the session on
 * every request; here we only read it, so that no use case ever takes a tenant from request
 * parameters.
 */
@ApplicationScoped
public class ContainerCallerContext implements CallerContext {
    @Inject private Principal principal;

    @Inject private ClientAddress clientAddress;

    @Override
    public ActorRef actor() {
        String name = principal == null ? null : principal.getName();
        try {
            return ActorRef.parse(name);
        } catch (IllegalArgumentException e) {
            throw new AccessDenied("error.notLoggedIn");
        }
    }

    @Override
    public String clientAddress() {
        try {
            String address = clientAddress.get();
            return address == null ? "system" : address;
        } catch (ContextNotActiveException outsideRequest) {
            return "system";
        }
    }
}
