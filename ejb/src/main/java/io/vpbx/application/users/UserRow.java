package io.vpbx.application.users;

/**
 * One row of the user list (spec B §7.1, S1).
 *
 * @param sipEnabled whether the user's SIP number may register and call
 * @param devices how many devices are registered now
 */
public record UserRow(
        long userId,
        String extension,
        String displayName,
        String login,
        String jobTitle,
        String email,
        boolean sipEnabled,
        int devices,
        boolean recordCalls,
        boolean admin) {}
