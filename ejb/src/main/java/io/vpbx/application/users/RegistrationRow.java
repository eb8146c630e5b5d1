package io.vpbx.application.users;

import java.time.Instant;

/**
 * One line of the registrations page: a SIP number and one of its registered devices, or the number
 * alone ({@code contact} null) when nothing is registered.
 *
 * @param source where the device's REGISTER came from, {@code address:port/transport}
 */
public record RegistrationRow(
        String extension,
        String displayName,
        String sipLogin,
        int deviceLimit,
        String contact,
        String source,
        String userAgent,
        Instant expiresAt) {}
