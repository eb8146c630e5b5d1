package io.vpbx.application;

import io.vpbx.model.security.ActorRef;

/**
 * Who is calling the current use case, and from where. Resolved from the container identity, never
 * from request parameters, so the tenant of every call is what the login established.
 */
public interface CallerContext {
    /**
     * The authenticated actor.
     *
     * @throws io.vpbx.model.shared.AccessDenied when the call carries no vPBX identity (an
     *     anonymous caller, or server work such as a message-driven bean); such work names its
     *     actor explicitly instead
     */
    ActorRef actor();

    /**
     * The caller's network address, as the console or API saw it; {@code "system"} for server work.
     */
    String clientAddress();
}
