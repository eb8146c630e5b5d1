package io.vpbx.application.users;

/**
 * What the user page saves of a user (spec B §7.5).
 *
 * @param version the version the page loaded ({@link UserDetails#version()})
 */
public record UserChanges(
        long version,
        String displayName,
        String extension,
        String jobTitle,
        String email,
        boolean recordCalls,
        boolean admin) {}
