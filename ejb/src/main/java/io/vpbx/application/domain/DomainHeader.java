package io.vpbx.application.domain;

/**
 * What the domain console's header shows (spec A SCR-3).
 *
 * @param jumpedFromPool whether a pool admin is acting here after a console jump
 */
public record DomainHeader(
        String companyName,
        String sipDomain,
        String displayName,
        String actorLogin,
        String actorName,
        boolean jumpedFromPool) {}
